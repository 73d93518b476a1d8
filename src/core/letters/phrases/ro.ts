/**
 * Banca de fraze în română. Registru de corespondență de afaceri, cu „dumneavoastră” și verbe la
 * persoana a II-a plural; formele care ar cere genul expeditorului („sunt sigur/sigură”) sunt
 * evitate, pentru că dosarul nu îl înregistrează. Numerele cu substantive trec prin roCount
 * („21 de zile”), ghilimelele sunt cele românești („…”, iar în interior «…»).
 */
import type { RedFlagCode } from '../../vocabulary.js';
import { citedInvoices, keyDate } from '../drafts-reasons.js';
import type { LetterFacts, PhraseBank, RecordedFact, SectionText } from '../drafts-types.js';
import { formatAmount, formatDate, roCount } from '../grammar.js';

const d = (date: string) => formatDate(date, 'ro');
const m = (f: LetterFacts, minor: number) => formatAmount(minor, f.money.currency, 'ro');
const days = (n: number) => roCount(n, 'zi', 'zile');

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');

  return `${items.slice(0, -1).join(', ')} și ${items.at(-1)}`;
}

/** Vorbirea directă din scenariu, între „…”; ghilimelele din interior devin «…». */
function spoken(text: string): string {
  return `„${text.replaceAll('„', '«').replaceAll('”', '»')}”`;
}

function greeting(f: LetterFacts): string {
  if (f.client.kind === 'business' && f.recipient === f.client.name) return `Stimați reprezentanți ai ${f.recipient},`;

  return `Bună ziua, ${f.recipient},`;
}

function project(f: LetterFacts): string {
  return f.engagement ? ` la proiectul „${f.engagement.name}”` : '';
}

const latest = (facts: readonly RecordedFact[]) => d(keyDate(facts));

function reason(f: LetterFacts): string {
  const facts = f.reason.facts;
  switch (f.reason.key) {
    case 'payment': {
      const invoices = citedInvoices(facts);
      if (invoices.length === 0)
        return `Plățile nu au respectat termenele convenite (cel mai recent pe ${latest(facts)}), iar în aceste condiții nu îmi pot planifica activitatea.`;
      const cited = invoices.map((i) =>
        i.owed_minor > 0
          ? `factura nr. ${i.number} este restantă de ${days(i.days_late)}`
          : `factura nr. ${i.number} a fost achitată cu ${days(i.days_late)} întârziere`,
      );

      return `Plățile nu au respectat termenele convenite: ${list(cited)}. În aceste condiții nu îmi pot planifica activitatea.`;
    }
    case 'scope':
      return `Începând cu ${latest(facts)}, volumul cerut a depășit cu mult ceea ce am convenit, așa că nu îl pot livra la prețul stabilit și la nivelul de calitate pentru care răspund.`;
    case 'capacity':
      return `Ritmul și programul pe care le cere acum proiectul (cel mai recent pe ${latest(facts)}) depășesc timpul de care dispun, așa că nu pot păstra calitatea pe care o așteptați.`;
    case 'misfit':
      return 'Activitatea mea și-a schimbat direcția: mă concentrez acum pe alte servicii, iar lucrările de care aveți nevoie nu mai fac parte din ceea ce ofer.';
    case 'expertise':
      return `Pot răspunde de rezultat doar atunci când lucrarea urmează sfaturile mele profesionale; începând cu ${latest(facts)}, acest lucru de multe ori nu a fost posibil, așa că nu pot garanta rezultatul.`;
    case 'terms':
      return `Începând cu ${latest(facts)}, modul de lucru convenit (materiale, aprobări, termene) nu a mai fost respectat, așa că nu pot planifica proiectul în mod sigur.`;
    case 'conduct':
      return `După discuția din ${latest(facts)}, nu mai pot continua colaborarea în forma de care avem nevoie eu și echipa mea.`;
    case 'lawful':
      return `Cele întâmplate pe ${latest(facts)} depășesc cadrul legal și profesional în care lucrez, așa că nu pot continua.`;
  }
}

function noticeWords(f: LetterFacts): string {
  const n = f.notice;
  if (!n) return '';
  const span =
    n.unit === 'months'
      ? roCount(n.amount, 'lună', 'luni')
      : n.unit === 'business_days'
        ? roCount(n.amount, 'zi lucrătoare', 'zile lucrătoare')
        : days(n.amount);

  return n.from_contract ? `, conform preavizului prevăzut în contract (${span})` : `, ceea ce înseamnă un preaviz de ${span}`;
}

function openWork(f: LetterFacts): string {
  const more = f.open_more > 0 ? ` (și încă ${roCount(f.open_more, 'lucrare', 'lucrări')} din listă)` : '';

  return `${list(f.open_work.map((w) => (w.due ? `„${w.name}” (termen: ${d(w.due)})` : `„${w.name}”`)))}${more}`;
}

function timeline(f: LetterFacts): string {
  switch (f.path) {
    case 'immediate':
      return `Decizia intră în vigoare astăzi, ${d(f.today)}: nu mai efectuez nicio lucrare${project(f)}.`;
    case 'stop_and_collect':
      return `Astăzi, ${d(f.today)}, opresc lucrul: nu mai încep sarcini noi${f.open_work.length > 0 ? `, iar lucrul la ${openWork(f)} se oprește aici` : ''}.`;
    case 'finish_then_exit':
      if (f.engagement?.kind === 'long_term' || f.open_work.length === 0) {
        const until =
          f.open_work.length > 0 ? ` Până atunci voi finaliza ${openWork(f)}.` : ' Până atunci lucrez în continuare ca de obicei.';

        return `Ultima mea zi de lucru${project(f)} va fi ${d(f.end_on)}${noticeWords(f)}.${until}`;
      }

      return `Voi livra ${openWork(f)}, așa cum am convenit, și după aceea nu mai preiau comenzi noi; ultima mea zi de lucru va fi ${d(f.end_on)}.`;
  }
}

function handover(f: LetterFacts): string {
  const base = `Până la ${d(f.handover_by)} vă voi trimite toate fișierele și materialele care vă aparțin și vă voi preda accesele pe care le dețin (găzduire, domenii, conturi de publicitate, depozite de cod, analiză), dumneavoastră sau persoanei pe care o indicați.`;
  const unpaid =
    f.path !== 'finish_then_exit' && f.money.owed_minor > 0
      ? ' Lucrările încă neachitate vor fi predate după plata facturilor deschise.'
      : '';
  const tools =
    f.referral === 'resources_only'
      ? ' Voi adăuga o scurtă notă despre instrumentele folosite, ca lucrul să poată continua fără pierderi.'
      : '';

  return `${base}${unpaid}${tools}`;
}

function money(f: LetterFacts): string | null {
  const parts: string[] = [];
  if (f.path === 'finish_then_exit') {
    if (f.money.final_invoice_minor > 0)
      parts.push(`Factura finală, pentru lucrările până la ${d(f.end_on)}, va fi de ${m(f, f.money.final_invoice_minor)}.`);
  } else if (f.money.owed_minor > 0) {
    const n = f.money.unpaid.length;
    parts.push(
      `${n === 1 ? 'Rămâne deschisă' : 'Rămân deschise'} ${roCount(n, 'factură', 'facturi')} în valoare totală de ${m(f, f.money.owed_minor)}; vă trimit detaliile separat.`,
    );
  }
  if (f.money.refund_minor > 0)
    parts.push(`Vă voi restitui ${m(f, f.money.refund_minor)} pentru lucrările plătite în avans și neefectuate.`);

  return parts.length > 0 ? parts.join(' ') : null;
}

function thanks(f: LetterFacts): string {
  const together = f.client.since ? `colaborarea din ${f.client.since.slice(0, 4)} până acum` : 'colaborare';
  // "Vă" already says "you"; a trailing ", dumneavoastră" only reads well when a team is added to it.
  const wish = f.client.kind === 'business' ? 'Vă doresc mult succes, dumneavoastră și echipei.' : 'Vă doresc mult succes în continuare.';

  return `Vă mulțumesc pentru ${together}. ${wish}`;
}

const CROSSINGS: Readonly<Record<RedFlagCode, string>> = {
  abuse: 'în discuție s-au folosit cuvinte jignitoare',
  payment: 'o plată nu a fost făcută la termenul convenit',
  price_pressure: 'prețul convenit a fost din nou pus în discuție',
  urgency_pressure: 'un termen a fost scurtat fără acord',
  availability_demands: 's-a cerut lucru cu mult în afara programului convenit',
  scope_creep: 's-au cerut lucrări în afara volumului convenit, fără modificarea înțelegerii',
  disregard_expertise: 'sfaturile profesionale pentru proiect au fost puse deoparte, iar eu nu pot răspunde de rezultat',
  unlawful: 's-a făcut o cerere care depășește cadrul legal',
  contract_breach: 'condițiile convenite (materiale, întâlniri sau aprobări) nu au fost respectate',
  reputation_threat: 'recenziile publice negative au fost menționate ca mijloc de a obține concesii',
  negativity: 'discuția s-a purtat într-un mod care nu a mai lăsat loc pentru o colaborare constructivă',
  unprofitable: 'volumul cerut a depășit cu mult ceea ce acoperă onorariul convenit',
  misfit: 'lucrările cerute nu mai fac parte din serviciile pe care le ofer',
  wellbeing: 'modul de lucru a pus echipa mea sub o presiune pe care nu o pot accepta',
  staff_report: 'un membru al echipei mele a semnalat că au fost depășite limitele profesionale',
};

/** After "Conform", which takes the dative/genitive. */
const LAWS: Readonly<Record<'LT' | 'RO' | 'RU' | 'EU', string>> = {
  LT: 'legii lituaniene privind prevenirea întârzierilor la plată în tranzacțiile comerciale',
  RO: 'Legii nr. 72/2013',
  RU: 'articolului 395 din Codul civil al Federației Ruse',
  EU: 'legislației naționale care transpune Directiva 2011/7/UE',
};

const signOff = (f: LetterFacts): SectionText[] => [
  { key: 'closing', text: 'Cu stimă,' },
  { key: 'signature', text: f.sender, tight: true },
];

function head(f: LetterFacts): SectionText[] {
  return [...(f.channel === 'letter' ? [{ key: 'date_line' as const, text: d(f.tell_on) }] : []), { key: 'greeting', text: greeting(f) }];
}

/** Banca română. */
export const ro: PhraseBank = {
  subject(f) {
    switch (f.kind) {
      case 'warning':
        return `Despre colaborarea noastră: cele întâmplate pe ${f.crossing ? d(f.crossing.date) : d(f.today)}`;
      case 'termination':
        return `Încheierea colaborării${project(f)}`;
      case 'call_script':
        return `Scenariu de convorbire: încheierea colaborării cu ${f.client.name}`;
      case 'debt_demand':
        return `Solicitare de plată: ${list(f.money.unpaid.map((i) => `factura nr. ${i.number}`))}`;
      case 're_engagement_reply':
        return 'Re: colaborarea noastră';
    }
  },

  warning(f) {
    const c = f.crossing;
    const who = c?.about_member ? ` cu un membru al echipei mele (${c.about_member})` : '';
    const what = c ? CROSSINGS[c.code].replace('în discuție', `în discuția${who}`) : '';

    return [
      ...head(f),
      { key: 'crossing', text: `Vă scriu din cauza celor întâmplate pe ${c ? d(c.date) : d(f.today)}: ${what}.` },
      {
        key: 'expectation',
        text: 'Țin la colaborarea noastră și vreau să continue pe o bază profesională, de aceea acest lucru nu trebuie să se repete.',
      },
      {
        key: 'consequence',
        text:
          f.if_repeated === 'end_at_once'
            ? 'Dacă se întâmplă din nou, voi încheia colaborarea imediat.'
            : 'Dacă se întâmplă din nou, voi încheia colaborarea, cu respectarea preavizului prevăzut în contract.',
      },
      { key: 'thanks', text: 'Vă mulțumesc pentru înțelegere.' },
      ...signOff(f),
    ];
  },

  termination(f) {
    const sections: SectionText[] = [
      ...head(f),
      { key: 'decision', text: `Așa cum am discutat, vă confirm în scris decizia mea de a încheia colaborarea noastră${project(f)}.` },
      { key: 'reason', text: reason(f) },
      { key: 'timeline', text: timeline(f) },
      { key: 'handover', text: handover(f) },
    ];
    const owed = money(f);
    if (owed) sections.push({ key: 'money', text: owed });
    if (f.referral === 'colleague')
      sections.push({
        key: 'referral',
        text: 'Dacă vă este de folos, vă pot recomanda un coleg a cărui muncă o cunosc bine și îl pot pune la curent cu proiectul.',
      });
    sections.push({ key: 'thanks', text: thanks(f) }, ...signOff(f));

    return sections;
  },

  call_script(f) {
    return [
      {
        key: 'opening',
        text: 'Deschidere: „Vă mulțumesc că ați făcut timp. Vreau să vă spun personal o decizie, înainte să o confirm în scris.”',
      },
      { key: 'decision', text: `Decizia: ${spoken(`Am decis să închei colaborarea noastră${project(f)}.`)}` },
      { key: 'reason', text: `Motivul: ${spoken(reason(f))}` },
      {
        key: 'timeline',
        text: `Ce urmează: ${spoken(`${timeline(f)} Vă predau toate fișierele și accesele până la ${d(f.handover_by)}.`)}`,
      },
      {
        key: 'reaction_anger',
        text: 'Dacă clientul ridică tonul: „Înțeleg că nu este o veste plăcută. Decizia este luată; vă sun ca să o aflați direct de la mine.”',
      },
      {
        key: 'reaction_bargaining',
        text: 'Dacă clientul oferă condiții mai bune: „Vă mulțumesc pentru ofertă. Decizia mea rămâne aceeași; să ne concentrăm pe o predare cât mai bună.”',
      },
      {
        key: 'reaction_guilt',
        text: 'Dacă clientul spune că îl dezamăgiți: „Prețuiesc ce am realizat împreună și tocmai de aceea închei corect: cu date clare și o predare completă.”',
      },
      {
        key: 'reaction_reviews',
        text: 'Dacă clientul amintește de recenzii: „Aveți tot dreptul să vă împărtășiți experiența. Eu voi respecta tot ce am convenit.” Păstrați o evidență a convorbirii.',
      },
      { key: 'closing', text: 'Încheiere: „Vă confirm totul în scris astăzi. Vă mulțumesc pentru colaborare.”' },
    ];
  },

  debt_demand(f) {
    const one = f.money.unpaid.length === 1;
    const lines = f.money.unpaid.map(
      (i) =>
        `– factura nr. ${i.number} din ${d(i.issued)}, scadentă la ${d(i.due)}: rest de plată ${m(f, i.owed_minor)}${i.days_overdue > 0 ? ` (${days(i.days_overdue)} de întârziere)` : ''}`,
    );
    const total = f.money.owed_minor + f.money.interest_minor + f.money.compensation_minor;
    const sections: SectionText[] = [
      ...head(f),
      {
        key: 'opening',
        text: `Conform contractului nostru${project(f).replace(' la proiectul', ' pentru proiectul')}, ${one ? 'următoarea factură a rămas neachitată' : 'următoarele facturi au rămas neachitate'}:`,
      },
      { key: 'invoices', text: `${lines.join('\n')}\nTotal restant: ${m(f, f.money.owed_minor)}.` },
    ];
    if (f.money.interest_minor > 0 || f.money.compensation_minor > 0) {
      const comp =
        f.money.compensation_minor > 0
          ? `, la care se adaugă despăgubirea fixă de 40 EUR pentru fiecare factură plătită cu întârziere, în total ${m(f, f.money.compensation_minor)}`
          : '';
      sections.push({
        key: 'interest',
        text: `Conform ${LAWS[f.money.interest_regime ?? 'EU']}, până la ${d(f.today)} s-au acumulat dobânzi penalizatoare legale de ${m(f, f.money.interest_minor)}${comp}. Suma datorată: ${m(f, total)}.`,
      });
    }
    const deadline = f.demand ? d(f.demand.deadline) : d(f.today);
    sections.push(
      {
        key: 'deadline',
        text: `Vă rog să achitați ${m(f, total)} până la ${deadline}, în contul indicat pe ${one ? 'factură' : 'facturi'}. Dacă ați efectuat deja plata, vă rog să-mi trimiteți detaliile acesteia și să considerați această scrisoare fără obiect.`,
      },
      {
        key: 'next_step',
        text: `Dacă suma nu este încasată până la ${deadline}, voi cere instanței emiterea unei ordonanțe de plată, fără o altă notificare.`,
      },
      { key: 'thanks', text: 'Vă mulțumesc pentru rezolvarea promptă.' },
      ...signOff(f),
    );

    return sections;
  },

  re_engagement_reply(f) {
    return [
      { key: 'greeting', text: greeting(f) },
      { key: 'thanks', text: 'Vă mulțumesc pentru mesaj și pentru că v-ați gândit la mine.' },
      {
        key: 'decision',
        text: `Colaborarea noastră ${f.end_on <= f.today ? 's-a încheiat' : 'se încheie'} pe ${d(f.end_on)}, iar decizia rămâne aceeași: nu voi relua lucrul.`,
      },
      { key: 'closing', text: 'Vă doresc mult succes în continuare.' },
      ...signOff(f),
    ];
  },
};
