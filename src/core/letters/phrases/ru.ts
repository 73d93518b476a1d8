/**
 * Русский банк фраз. Деловой, спокойный тон; обращение на «Вы» с заглавной буквы к одному человеку
 * и «вы» со строчной к компании (коллективный адресат). Формы, зависящие от рода отправителя
 * («решил/решила»), не используются: пол отправителя в деле не записан. Названия проектов и
 * компаний даются в кавычках после родового слова («по проекту „…“»), чтобы не склонять их.
 */
import type { RedFlagCode } from '../../vocabulary.js';
import { citedInvoices, keyDate } from '../drafts-reasons.js';
import type { LetterFacts, PhraseBank, RecordedFact, SectionText } from '../drafts-types.js';
import { endSentence, formatAmount, formatDate, ruPlural } from '../grammar.js';

const d = (date: string) => formatDate(date, 'ru');
const m = (f: LetterFacts, minor: number) => formatAmount(minor, f.money.currency, 'ru');

/** «Вы» с заглавной — вежливое обращение к одному человеку; к компании — «вы». */
function v(f: LetterFacts, word: string): string {
  return f.client.kind === 'individual' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

const days = (n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');

  return `${items.slice(0, -1).join(', ')} и ${items.at(-1)}`;
}

/** Прямая речь в «ёлочках»; кавычки внутри неё — «лапки» („…“), как требует русская типографика. */
function spoken(text: string): string {
  const inner = text.replaceAll('«', '„').replaceAll('»', '“');

  // The full stop of a quoted sentence goes after the closing quote, unless it is an abbreviation's ("г.").
  return inner.endsWith(' г.') ? `«${inner}»` : `«${inner.replace(/\.$/, '')}».`;
}

function greeting(f: LetterFacts): string {
  if (f.client.kind === 'business' && f.recipient === f.client.name) return 'Добрый день, уважаемые коллеги!';

  return `Здравствуйте, ${f.recipient}!`;
}

function project(f: LetterFacts): string {
  return f.engagement ? ` по проекту «${f.engagement.name}»` : '';
}

const latest = (facts: readonly RecordedFact[]) => d(keyDate(facts));

function reason(f: LetterFacts): string {
  const facts = f.reason.facts;
  switch (f.reason.key) {
    case 'payment': {
      const invoices = citedInvoices(facts);
      if (invoices.length === 0)
        return `Оплата не поступает в согласованные сроки (последний раз — ${latest(facts)}), и при таком графике я не могу планировать свою работу.`;
      const cited = invoices.map((i) =>
        i.owed_minor > 0
          ? `счёт № ${i.number} просрочен на ${days(i.days_late)}`
          : `счёт № ${i.number} оплачен с опозданием на ${days(i.days_late)}`,
      );

      return `Оплата не поступает в согласованные сроки: ${list(cited)}. При таком графике платежей я не могу планировать свою работу.`;
    }
    case 'scope':
      return `С ${latest(facts)} объём задач вышел далеко за пределы согласованного, и выполнять его по прежней цене и с тем качеством, за которое я отвечаю, я не могу.`;
    case 'capacity':
      return `Темп и график, которых сейчас требует работа (последний раз — ${latest(facts)}), превышают мои возможности, поэтому сохранить нужное качество я не смогу.`;
    case 'misfit':
      return 'Мой бизнес сменил направление, поэтому задачи этого проекта больше не входят в круг того, чем я занимаюсь.';
    case 'expertise':
      return `Я могу отвечать за результат, только когда работа ведётся с учётом моих профессиональных советов; начиная с ${latest(facts)} это часто было невозможно.`;
    case 'terms':
      return `С ${latest(facts)} согласованный порядок работы (материалы, согласования, сроки) не соблюдается, и надёжно планировать проект я не могу.`;
    case 'conduct':
      return `После разговора ${latest(facts)} продолжать сотрудничество в том формате, который нужен мне и моей команде, я не могу.`;
    case 'lawful':
      return `События ${latest(facts)} выходят за рамки правовых и профессиональных норм, в которых я работаю, поэтому продолжать работу я не могу.`;
  }
}

function noticeWords(f: LetterFacts): string {
  const n = f.notice;
  if (!n) return '';
  const span =
    n.unit === 'months'
      ? `${n.amount} ${ruPlural(n.amount, 'месяц', 'месяца', 'месяцев')}`
      : n.unit === 'business_days'
        ? `${n.amount} ${ruPlural(n.amount, 'рабочий день', 'рабочих дня', 'рабочих дней')}`
        : days(n.amount);

  return n.from_contract ? `, в соответствии со сроком уведомления по договору (${span})` : `, то есть с уведомлением за ${span}`;
}

function openWork(f: LetterFacts): string {
  const more = f.open_more > 0 ? ` (и ещё ${f.open_more} ${ruPlural(f.open_more, 'позиция', 'позиции', 'позиций')} по списку)` : '';

  return `${list(f.open_work.map((w) => (w.due ? `«${w.name}» (до ${d(w.due)})` : `«${w.name}»`)))}${more}`;
}

function timeline(f: LetterFacts): string {
  switch (f.path) {
    case 'immediate':
      return `Решение вступает в силу сегодня, ${d(f.today)}: дальнейших работ${project(f)} я не веду.`;
    case 'stop_and_collect':
      return `Сегодня, ${d(f.today)}, я прекращаю работы: новые задачи не начинаются${f.open_work.length > 0 ? `, работа над задачами ${openWork(f)} останавливается` : ''}.`;
    case 'finish_then_exit':
      if (f.engagement?.kind === 'long_term' || f.open_work.length === 0) {
        const until = f.open_work.length > 0 ? ` До этой даты я завершу ${openWork(f)}.` : ' До этой даты работа идёт в обычном порядке.';

        return `${endSentence(`Последний рабочий день${project(f)} — ${d(f.end_on)}${noticeWords(f)}`)}${until}`;
      }

      return endSentence(
        `Текущую работу — ${openWork(f)} — я сдам в согласованный срок, а новые заказы после этого не принимаю; последний рабочий день — ${d(f.end_on)}`,
      );
  }
}

function handover(f: LetterFacts): string {
  const base = `До ${d(f.handover_by)} я передам все файлы и материалы, которые ${v(f, 'вам')} принадлежат, а также доступы (хостинг, домены, рекламные кабинеты, репозитории, аналитика) — ${v(f, 'вам')} или указанному ${v(f, 'вами')} специалисту.`;
  const unpaid =
    f.path !== 'finish_then_exit' && f.money.owed_minor > 0
      ? ' Результаты неоплаченных работ будут переданы после оплаты открытых счетов.'
      : '';
  const tools =
    f.referral === 'resources_only'
      ? ' Приложу короткую записку об используемых инструментах, чтобы работу можно было продолжить без потерь.'
      : '';

  return `${base}${unpaid}${tools}`;
}

function money(f: LetterFacts): string | null {
  const parts: string[] = [];
  if (f.path === 'finish_then_exit') {
    if (f.money.final_invoice_minor > 0)
      parts.push(`Заключительный счёт за работы по ${d(f.end_on)} составит ${m(f, f.money.final_invoice_minor)}.`);
  } else if (f.money.owed_minor > 0) {
    const n = f.money.unpaid.length;
    parts.push(
      `${ruPlural(n, 'Открытым остаётся', 'Открытыми остаются', 'Открытыми остаются')} ${n} ${ruPlural(n, 'счёт', 'счёта', 'счетов')} на общую сумму ${m(f, f.money.owed_minor)}; подробности направлю отдельным письмом.`,
    );
  }
  if (f.money.refund_minor > 0) parts.push(`Предоплату за невыполненную часть работ, ${m(f, f.money.refund_minor)}, я верну.`);

  return parts.length > 0 ? parts.join(' ') : null;
}

function thanks(f: LetterFacts): string {
  const since = f.client.since ? ` с ${f.client.since.slice(0, 4)} года` : '';
  const team = f.client.kind === 'business' ? ` и ${v(f, 'вашей')} команде` : '';

  return `Спасибо за совместную работу${since}. Желаю ${v(f, 'вам')}${team} успехов.`;
}

const CROSSINGS: Readonly<Record<RedFlagCode, string>> = {
  abuse: 'в разговоре прозвучали оскорбления',
  payment: 'оплата не была произведена в согласованный срок',
  price_pressure: 'согласованная цена снова была поставлена под вопрос',
  urgency_pressure: 'срок был сокращён без согласования',
  availability_demands: 'работа запрашивалась далеко за пределами согласованного рабочего времени',
  scope_creep: 'запрашивались работы вне согласованного объёма без изменения договорённостей',
  disregard_expertise: 'профессиональные советы по проекту были отклонены, и отвечать за результат я не могу',
  unlawful: 'прозвучала просьба, выходящая за рамки закона',
  contract_breach: 'согласованные условия (материалы, встречи или согласования) не были выполнены',
  reputation_threat: 'негативные публичные отзывы упоминались как способ добиться уступок',
  negativity: 'обсуждение шло так, что конструктивная работа стала невозможной',
  unprofitable: 'запрошенный объём работ значительно превысил то, что покрывает согласованная оплата',
  misfit: 'запрошенные работы вышли за рамки услуг, которые я сейчас оказываю',
  wellbeing: 'формат работы создал для моей команды нагрузку, которую я не могу принять',
  staff_report: 'сотрудник моей команды сообщил о нарушении профессиональных границ',
};

const LAWS: Readonly<Record<'LT' | 'RO' | 'RU' | 'EU', string>> = {
  LT: 'Законом Литовской Республики о предотвращении задержек платежей по коммерческим сделкам',
  RO: 'Законом Румынии № 72/2013',
  RU: 'статьёй 395 Гражданского кодекса РФ',
  EU: 'национальным законом, принятым во исполнение Директивы 2011/7/ЕС',
};

const signOff = (f: LetterFacts): SectionText[] => [
  { key: 'closing', text: 'С уважением,' },
  { key: 'signature', text: f.sender, tight: true },
];

function head(f: LetterFacts): SectionText[] {
  return [...(f.channel === 'letter' ? [{ key: 'date_line' as const, text: d(f.tell_on) }] : []), { key: 'greeting', text: greeting(f) }];
}

/** Русский банк. */
export const ru: PhraseBank = {
  subject(f) {
    switch (f.kind) {
      case 'warning':
        return `О нашем сотрудничестве: события ${f.crossing ? d(f.crossing.date) : d(f.today)}`;
      case 'termination':
        return `Прекращение сотрудничества${project(f)}`;
      case 'call_script':
        return `Сценарий разговора: прекращение сотрудничества (${f.client.name})`;
      case 'debt_demand':
        return `Требование об оплате: ${list(f.money.unpaid.map((i) => `счёт № ${i.number}`))}`;
      case 're_engagement_reply':
        return 'Re: наше сотрудничество';
    }
  },

  warning(f) {
    const c = f.crossing;
    const who = c?.about_member ? ` с сотрудником нашей команды (${c.about_member})` : '';
    const what = c ? CROSSINGS[c.code].replace('в разговоре', `в разговоре${who}`) : '';

    return [
      ...head(f),
      { key: 'crossing', text: `Пишу в связи с событиями ${c ? d(c.date) : d(f.today)}: ${what}.` },
      {
        key: 'expectation',
        text: 'Я ценю наше сотрудничество и хочу, чтобы оно продолжалось в профессиональном ключе, поэтому подобное не должно повториться.',
      },
      {
        key: 'consequence',
        text:
          f.if_repeated === 'end_at_once'
            ? 'Если это повторится, я сразу прекращу сотрудничество.'
            : 'Если это повторится, я прекращу сотрудничество с соблюдением срока уведомления по договору.',
      },
      { key: 'thanks', text: 'Спасибо за понимание.' },
      ...signOff(f),
    ];
  },

  termination(f) {
    const sections: SectionText[] = [
      ...head(f),
      { key: 'decision', text: `Как мы и обсуждали, письменно подтверждаю своё решение прекратить наше сотрудничество${project(f)}.` },
      { key: 'reason', text: reason(f) },
      { key: 'timeline', text: timeline(f) },
      { key: 'handover', text: handover(f) },
    ];
    const owed = money(f);
    if (owed) sections.push({ key: 'money', text: owed });
    if (f.referral === 'colleague')
      sections.push({
        key: 'referral',
        text: `Если это будет полезно, могу порекомендовать коллегу, чью работу хорошо знаю, и ввести его в курс проекта.`,
      });
    sections.push({ key: 'thanks', text: thanks(f) }, ...signOff(f));

    return sections;
  },

  call_script(f) {
    return [
      { key: 'opening', text: 'Начало: «Спасибо, что нашли время. Хочу лично сообщить о решении, прежде чем подтвердить его письменно».' },
      { key: 'decision', text: `Решение: ${spoken(`Я прекращаю наше сотрудничество${project(f)}.`)}` },
      { key: 'reason', text: `Причина: ${spoken(reason(f))}` },
      { key: 'timeline', text: `Что дальше: ${spoken(`${timeline(f)} Все файлы и доступы передам до ${endSentence(d(f.handover_by))}`)}` },
      {
        key: 'reaction_anger',
        text: `Если клиент повышает голос: «Понимаю, что новость неприятная. Решение принято; я звоню, чтобы ${v(f, 'вы')} узнали о нём от меня лично».`,
      },
      {
        key: 'reaction_bargaining',
        text: 'Если клиент предлагает лучшие условия: «Спасибо за предложение. Моё решение остаётся прежним; давайте сосредоточимся на спокойной передаче дел».',
      },
      {
        key: 'reaction_guilt',
        text: 'Если клиент говорит, что его подводят: «Я ценю всё, что мы сделали вместе, и именно поэтому завершаю работу как следует: с чёткими датами и полной передачей дел».',
      },
      {
        key: 'reaction_reviews',
        text: `Если клиент упоминает отзывы: «Вы вправе поделиться своим опытом. Я выполню всё, о чём мы договорились». Сохраните запись разговора.`,
      },
      { key: 'closing', text: 'Завершение: «Сегодня же подтвержу всё это письменно. Спасибо за совместную работу».' },
    ];
  },

  debt_demand(f) {
    const one = f.money.unpaid.length === 1;
    const lines = f.money.unpaid.map(
      (i) =>
        `— счёт № ${i.number} от ${d(i.issued)}, срок оплаты ${d(i.due)}: задолженность ${m(f, i.owed_minor)}${i.days_overdue > 0 ? ` (просрочка ${days(i.days_overdue)})` : ''}`,
    );
    const total = f.money.owed_minor + f.money.interest_minor + f.money.compensation_minor;
    const sections: SectionText[] = [
      ...head(f),
      { key: 'opening', text: `По нашему договору${project(f)} ${one ? 'не оплачен следующий счёт' : 'не оплачены следующие счета'}:` },
      { key: 'invoices', text: `${lines.join('\n')}\nИтого задолженность: ${m(f, f.money.owed_minor)}.` },
    ];
    if (f.money.interest_minor > 0 || f.money.compensation_minor > 0) {
      const comp =
        f.money.compensation_minor > 0
          ? `, а также фиксированная компенсация 40 € за каждый просроченный счёт — всего ${m(f, f.money.compensation_minor)}`
          : '';
      sections.push({
        key: 'interest',
        text: `В соответствии с ${LAWS[f.money.interest_regime ?? 'EU']} по ${d(f.today)} начислены проценты за просрочку платежа в размере ${m(f, f.money.interest_minor)}${comp}. Итого к оплате: ${m(f, total)}.`,
      });
    }
    const deadline = f.demand ? d(f.demand.deadline) : d(f.today);
    sections.push(
      {
        key: 'deadline',
        text: `Прошу оплатить ${m(f, total)} до ${deadline} по реквизитам, указанным в ${one ? 'счёте' : 'счетах'}. Если оплата уже произведена, пожалуйста, пришлите платёжные данные, и это письмо можно не учитывать.`,
      },
      {
        key: 'next_step',
        text: `Если оплата не поступит до ${deadline}, я без дополнительного уведомления обращусь в суд с заявлением о выдаче судебного приказа.`,
      },
      { key: 'thanks', text: 'Благодарю за своевременное урегулирование.' },
      ...signOff(f),
    );

    return sections;
  },

  re_engagement_reply(f) {
    return [
      { key: 'greeting', text: greeting(f) },
      { key: 'thanks', text: `Спасибо за ${v(f, 'ваше')} сообщение и за то, что ${v(f, 'вы')} обо мне вспомнили.` },
      {
        key: 'decision',
        text: `Наше сотрудничество ${f.end_on <= f.today ? 'завершилось' : 'завершается'} ${d(f.end_on)}, и это решение окончательное: возобновлять работу я не буду.`,
      },
      { key: 'closing', text: `Желаю ${v(f, 'вам')} всего доброго.` },
      { key: 'closing', text: 'С уважением,' },
      { key: 'signature', text: f.sender, tight: true },
    ];
  },
};
