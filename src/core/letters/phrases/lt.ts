/**
 * Lietuviškų frazių bankas. Dalykinis, ramus tonas; kreipiantis į vieną asmenį „Jūs“ rašoma
 * didžiąja raide, į įmonę (kolektyvinį adresatą) – mažąja. Vengiama giminę rodančių formų
 * („nusprendęs/nusprendusi“, „nedelsdamas/nedelsdama“): siuntėjo lytis byloje neužrašoma. Vardai
 * nelinksniuojami – į asmenį kreipiamasi „Laba diena,“, todėl nereikia šauksmininko. Skaitvardžiai
 * su daiktavardžiais derinami per ltPlural (1 diena, 2 dienos, 10 dienų).
 */
import type { RedFlagCode } from '../../vocabulary.js';
import { citedInvoices, keyDate } from '../drafts-reasons.js';
import type { LetterFacts, PhraseBank, RecordedFact, SectionText } from '../drafts-types.js';
import { endSentence, formatAmount, formatDate, ltPlural } from '../grammar.js';

const d = (date: string) => formatDate(date, 'lt');
const m = (f: LetterFacts, minor: number) => formatAmount(minor, f.money.currency, 'lt');
/** Nominative: "1 diena", "2 dienos", "10 dienų". */
const daysNom = (n: number) => `${n} ${ltPlural(n, 'diena', 'dienos', 'dienų')}`;
/** Accusative of measure: "vėluojama 2 dienas", "prieš 14 dienų". */
const daysAcc = (n: number) => `${n} ${ltPlural(n, 'dieną', 'dienas', 'dienų')}`;

/** „Jūs“ didžiąja – mandagus kreipinys į vieną asmenį; į įmonę – „jūs“. */
function j(f: LetterFacts, word: string): string {
  return f.client.kind === 'individual' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');

  return `${items.slice(0, -1).join(', ')} ir ${items.at(-1)}`;
}

/** Tiesioginė kalba scenarijuje – „…“, viduje esančios kabutės – ‚…‘. */
function spoken(text: string): string {
  return `„${text.replaceAll('„', '‚').replaceAll('“', '‘')}“`;
}

function greeting(f: LetterFacts): string {
  if (f.client.kind === 'business' && f.recipient === f.client.name) return `Gerbiamieji ${f.recipient} atstovai,`;

  return 'Laba diena,';
}

function project(f: LetterFacts): string {
  return f.engagement ? ` projekte „${f.engagement.name}“` : '';
}

const latest = (facts: readonly RecordedFact[]) => d(keyDate(facts));

function reason(f: LetterFacts): string {
  const facts = f.reason.facts;
  switch (f.reason.key) {
    case 'payment': {
      const invoices = citedInvoices(facts);
      if (invoices.length === 0)
        return `Mokėjimai nebuvo atliekami sutartais terminais (paskutinį kartą – ${latest(facts)}), o tokiu režimu nebegaliu planuoti savo darbo.`;
      const cited = invoices.map((i) =>
        i.owed_minor > 0
          ? `sąskaita Nr. ${i.number} neapmokėta jau ${daysAcc(i.days_late)} po termino`
          : `sąskaita Nr. ${i.number} apmokėta ${daysAcc(i.days_late)} pavėluotai`,
      );

      return `Mokėjimai nebuvo atliekami sutartais terminais: ${list(cited)}. Tokiu režimu nebegaliu planuoti savo darbo.`;
    }
    case 'scope':
      return `Nuo ${latest(facts)} prašomų darbų apimtis gerokai viršijo tai, dėl ko susitarėme, ir už sutartą kainą bei tokios kokybės, už kurią atsakau, jų atlikti negaliu.`;
    case 'capacity':
      return `Tempas ir grafikas, kurių dabar reikia šiam darbui (paskutinį kartą – ${latest(facts)}), viršija mano galimybes, todėl negaliu užtikrinti reikiamos kokybės.`;
    case 'misfit':
      return 'Mano veikla pakeitė kryptį, todėl darbai, kurių reikia šiam projektui, nebėra tai, kuo užsiimu.';
    case 'expertise':
      return `Už rezultatą galiu atsakyti tik tada, kai darbas atliekamas pagal mano profesinius patarimus; nuo ${latest(facts)} tai dažnai buvo neįmanoma.`;
    case 'terms':
      return `Nuo ${latest(facts)} nebesilaikoma sutartos darbo tvarkos (medžiagos, patvirtinimų, terminų), todėl projekto patikimai planuoti negaliu.`;
    case 'conduct':
      return `Po ${latest(facts)} pokalbio nebegaliu tęsti bendradarbiavimo taip, kaip reikia man ir mano komandai.`;
    case 'lawful':
      return `Tai, kas įvyko ${latest(facts)}, peržengia teisinius ir profesinius rėmus, kuriais vadovaujuosi, todėl tęsti negaliu.`;
  }
}

function noticeWords(f: LetterFacts): string {
  const n = f.notice;
  if (!n) return '';
  const span =
    n.unit === 'months'
      ? `${n.amount} ${ltPlural(n.amount, 'mėnuo', 'mėnesiai', 'mėnesių')}`
      : n.unit === 'business_days'
        ? `${n.amount} ${ltPlural(n.amount, 'darbo diena', 'darbo dienos', 'darbo dienų')}`
        : daysNom(n.amount);

  return n.from_contract ? `, kaip numato sutartyje nustatytas įspėjimo terminas (${span})` : ` (įspėjimo terminas – ${span})`;
}

function openWork(f: LetterFacts): string {
  const more = f.open_more > 0 ? ` (ir dar ${f.open_more} ${ltPlural(f.open_more, 'darbas', 'darbai', 'darbų')} iš sąrašo)` : '';

  return `${list(f.open_work.map((w) => (w.due ? `„${w.name}“ (iki ${d(w.due)})` : `„${w.name}“`)))}${more}`;
}

function timeline(f: LetterFacts): string {
  switch (f.path) {
    case 'immediate':
      return `Sprendimas įsigalioja šiandien, ${d(f.today)}: daugiau darbų${project(f)} nebeatlieku.`;
    case 'stop_and_collect':
      return `Šiandien, ${d(f.today)}, nutraukiu darbus: naujų užduočių nebepradedu${f.open_work.length > 0 ? `, o darbai ${openWork(f)} nebetęsiami` : ''}.`;
    case 'finish_then_exit':
      if (f.engagement?.kind === 'long_term' || f.open_work.length === 0) {
        const until = f.open_work.length > 0 ? ` Iki tada užbaigsiu ${openWork(f)}.` : ' Iki tada darbai vyksta įprasta tvarka.';

        return `${endSentence(`Paskutinė mano darbo diena${project(f)} – ${d(f.end_on)}${noticeWords(f)}`)}${until}`;
      }

      return endSentence(
        `Pristatysiu ${openWork(f)}, kaip sutarta, o naujų užsakymų po to nebepriimu; paskutinė mano darbo diena – ${d(f.end_on)}`,
      );
  }
}

function handover(f: LetterFacts): string {
  const base = `Iki ${d(f.handover_by)} perduosiu visus ${j(f, 'jums')} priklausančius failus ir medžiagą bei turimas prieigas (talpinimo, domenų, reklamos paskyrų, kodo saugyklų, analitikos) – ${j(f, 'jums')} arba ${j(f, 'jūsų')} nurodytam specialistui.`;
  const unpaid =
    f.path !== 'finish_then_exit' && f.money.owed_minor > 0
      ? ' Dar neapmokėtų darbų rezultatus perduosiu, kai bus apmokėtos atviros sąskaitos.'
      : '';
  const tools =
    f.referral === 'resources_only' ? ' Pridėsiu trumpą naudojamų įrankių aprašą, kad darbą būtų galima tęsti be nuostolių.' : '';

  return `${base}${unpaid}${tools}`;
}

function money(f: LetterFacts): string | null {
  const parts: string[] = [];
  if (f.path === 'finish_then_exit') {
    if (f.money.final_invoice_minor > 0)
      parts.push(`Galutinė sąskaita už darbus iki ${d(f.end_on)} bus ${m(f, f.money.final_invoice_minor)}.`);
  } else if (f.money.owed_minor > 0) {
    const n = f.money.unpaid.length;
    parts.push(
      `${ltPlural(n, 'Neapmokėta lieka', 'Neapmokėtos lieka', 'Neapmokėta lieka')} ${n} ${ltPlural(n, 'sąskaita', 'sąskaitos', 'sąskaitų')}, iš viso ${m(f, f.money.owed_minor)}; išsamią informaciją atsiųsiu atskirai.`,
    );
  }
  if (f.money.refund_minor > 0) parts.push(`Grąžinsiu ${m(f, f.money.refund_minor)} už iš anksto apmokėtus, bet neatliktus darbus.`);

  return parts.length > 0 ? parts.join(' ') : null;
}

function thanks(f: LetterFacts): string {
  const since = f.client.since ? ` nuo ${f.client.since.slice(0, 4)}${'\u00a0'}m.` : '';
  const team = f.client.kind === 'business' ? ` ir ${j(f, 'jūsų')} komandai` : '';

  return `${endSentence(`Dėkoju už bendrą darbą${since}`)} Linkiu ${j(f, 'jums')}${team} sėkmės.`;
}

const CROSSINGS: Readonly<Record<RedFlagCode, string>> = {
  abuse: 'pokalbyje nuskambėjo įžeidžiančių žodžių',
  payment: 'mokėjimas nebuvo atliktas sutartu laiku',
  price_pressure: 'sutarta kaina vėl buvo kvestionuojama',
  urgency_pressure: 'terminas buvo sutrumpintas be susitarimo',
  availability_demands: 'darbų buvo prašoma gerokai už sutarto darbo laiko ribų',
  scope_creep: 'buvo prašoma darbų, nepatenkančių į sutartą apimtį, nekeičiant susitarimo',
  disregard_expertise: 'profesiniai patarimai projektui buvo atmesti, todėl už rezultatą atsakyti negaliu',
  unlawful: 'buvo pateiktas prašymas, peržengiantis įstatymo ribas',
  contract_breach: 'nebuvo laikomasi sutartų sąlygų (medžiagos, susitikimų ar patvirtinimų)',
  reputation_threat: 'neigiami vieši atsiliepimai buvo minimi kaip būdas išsireikalauti nuolaidų',
  negativity: 'diskusija vyko taip, kad konstruktyviam darbui neliko vietos',
  unprofitable: 'prašomų darbų apimtis gerokai viršijo tai, ką apima sutartas atlygis',
  misfit: 'prašyti darbai nebepatenka į mano dabar teikiamas paslaugas',
  wellbeing: 'darbo pobūdis sukėlė mano komandai krūvį, kurio negaliu priimti',
  staff_report: 'mano komandos narys pranešė, kad buvo peržengtos profesinės ribos',
};

/** After "Pagal", which takes the accusative. */
const LAWS: Readonly<Record<'LT' | 'RO' | 'RU' | 'EU', string>> = {
  LT: 'Mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos įstatymą',
  RO: 'Rumunijos įstatymą Nr. 72/2013',
  RU: 'Rusijos Federacijos civilinio kodekso 395 straipsnį',
  EU: 'nacionalinį įstatymą, perkeliantį Direktyvą 2011/7/ES',
};

/** Lithuanian letters end "Pagarbiai" without a comma. */
const signOff = (f: LetterFacts): SectionText[] => [
  { key: 'closing', text: 'Pagarbiai' },
  { key: 'signature', text: f.sender, tight: true },
];

function head(f: LetterFacts): SectionText[] {
  return [...(f.channel === 'letter' ? [{ key: 'date_line' as const, text: d(f.tell_on) }] : []), { key: 'greeting', text: greeting(f) }];
}

/** Lietuviškas bankas. */
export const lt: PhraseBank = {
  subject(f) {
    switch (f.kind) {
      case 'warning':
        return `Dėl mūsų bendradarbiavimo: ${f.crossing ? d(f.crossing.date) : d(f.today)} įvykiai`;
      case 'termination':
        return `Bendradarbiavimo nutraukimas${project(f)}`;
      case 'call_script':
        return `Pokalbio scenarijus: bendradarbiavimo su ${f.client.name} nutraukimas`;
      case 'debt_demand':
        return `Raginimas sumokėti: ${list(f.money.unpaid.map((i) => `sąskaita Nr. ${i.number}`))}`;
      case 're_engagement_reply':
        return 'Re: mūsų bendradarbiavimas';
    }
  },

  warning(f) {
    const c = f.crossing;
    const who = c?.about_member ? ` su mano komandos nariu (${c.about_member})` : '';
    const what = c ? CROSSINGS[c.code].replace('pokalbyje', `pokalbyje${who}`) : '';

    return [
      ...head(f),
      { key: 'crossing', text: `Rašau dėl ${c ? d(c.date) : d(f.today)} įvykių, nes tą dieną ${what}.` },
      { key: 'expectation', text: 'Vertinu mūsų bendradarbiavimą ir noriu, kad jis tęstųsi profesionaliai, todėl tai neturi pasikartoti.' },
      {
        key: 'consequence',
        text:
          f.if_repeated === 'end_at_once'
            ? 'Jei tai pasikartos, bendradarbiavimą iš karto nutrauksiu.'
            : 'Jei tai pasikartos, bendradarbiavimą nutrauksiu per sutartyje numatytą įspėjimo terminą.',
      },
      { key: 'thanks', text: 'Dėkoju už supratimą.' },
      ...signOff(f),
    ];
  },

  termination(f) {
    const sections: SectionText[] = [
      ...head(f),
      { key: 'decision', text: `Kaip ir aptarėme, raštu patvirtinu savo sprendimą nutraukti mūsų bendradarbiavimą${project(f)}.` },
      { key: 'reason', text: reason(f) },
      { key: 'timeline', text: timeline(f) },
      { key: 'handover', text: handover(f) },
    ];
    const owed = money(f);
    if (owed) sections.push({ key: 'money', text: owed });
    if (f.referral === 'colleague')
      sections.push({
        key: 'referral',
        text: 'Jei būtų naudinga, galiu rekomenduoti kolegą, kurio darbą gerai žinau, ir supažindinti jį su projektu.',
      });
    sections.push({ key: 'thanks', text: thanks(f) }, ...signOff(f));

    return sections;
  },

  call_script(f) {
    return [
      { key: 'opening', text: 'Pradžia: „Ačiū, kad radote laiko. Noriu apie sprendimą pasakyti asmeniškai, prieš jį patvirtinant raštu.“' },
      { key: 'decision', text: `Sprendimas: ${spoken(`Nutraukiu mūsų bendradarbiavimą${project(f)}.`)}` },
      { key: 'reason', text: `Priežastis: ${spoken(reason(f))}` },
      {
        key: 'timeline',
        text: `Kas toliau: ${spoken(`${timeline(f)} Visus failus ir prieigas perduosiu iki ${endSentence(d(f.handover_by))}`)}`,
      },
      {
        key: 'reaction_anger',
        text: 'Jei klientas pakelia balsą: „Suprantu, kad žinia nemaloni. Sprendimas priimtas; skambinu, kad apie jį išgirstumėte iš manęs.“',
      },
      {
        key: 'reaction_bargaining',
        text: 'Jei klientas siūlo geresnes sąlygas: „Ačiū už pasiūlymą. Mano sprendimas nesikeičia; sutelkime dėmesį į sklandų darbų perdavimą.“',
      },
      {
        key: 'reaction_guilt',
        text: 'Jei klientas sako, kad jį nuviliate: „Vertinu tai, ką nuveikėme kartu, todėl ir baigiu tinkamai: su aiškiomis datomis ir visišku perdavimu.“',
      },
      {
        key: 'reaction_reviews',
        text: 'Jei klientas užsimena apie atsiliepimus: „Turite teisę pasidalyti savo patirtimi. Aš laikysiuosi visko, dėl ko susitarėme.“ Išsaugokite pokalbio įrašą.',
      },
      { key: 'closing', text: 'Pabaiga: „Šiandien viską patvirtinsiu raštu. Ačiū už bendrą darbą.“' },
    ];
  },

  debt_demand(f) {
    const one = f.money.unpaid.length === 1;
    const lines = f.money.unpaid.map(
      (i) =>
        `– sąskaita Nr. ${i.number}, išrašyta ${d(i.issued)}, apmokėti iki ${d(i.due)}: skola ${m(f, i.owed_minor)}${i.days_overdue > 0 ? ` (vėluojama ${daysAcc(i.days_overdue)})` : ''}`,
    );
    const total = f.money.owed_minor + f.money.interest_minor + f.money.compensation_minor;
    const about = f.engagement ? ` dėl projekto „${f.engagement.name}“` : '';
    const sections: SectionText[] = [
      ...head(f),
      { key: 'opening', text: `Pagal mūsų sutartį${about} ${one ? 'neapmokėta ši sąskaita' : 'neapmokėtos šios sąskaitos'}:` },
      { key: 'invoices', text: `${lines.join('\n')}\nIš viso skola: ${m(f, f.money.owed_minor)}.` },
    ];
    if (f.money.interest_minor > 0 || f.money.compensation_minor > 0) {
      const comp =
        f.money.compensation_minor > 0
          ? `, taip pat po 40 € fiksuotos kompensacijos už kiekvieną pavėluotą sąskaitą, iš viso ${m(f, f.money.compensation_minor)}`
          : '';
      sections.push({
        key: 'interest',
        text: `Pagal ${LAWS[f.money.interest_regime ?? 'EU']} iki ${d(f.today)} priskaičiuota ${m(f, f.money.interest_minor)} palūkanų už pavėluotus mokėjimus${comp}. Mokėtina suma: ${m(f, total)}.`,
      });
    }
    const deadline = f.demand ? d(f.demand.deadline) : d(f.today);
    sections.push(
      {
        key: 'deadline',
        text: `Prašau sumokėti ${m(f, total)} iki ${deadline} ${one ? 'sąskaitoje' : 'sąskaitose'} nurodytais rekvizitais. Jei jau sumokėjote, atsiųskite mokėjimo duomenis ir šio laiško nepaisykite.`,
      },
      {
        key: 'next_step',
        text: `Jei suma nebus gauta iki ${deadline}, be papildomo įspėjimo kreipsiuosi į teismą dėl teismo įsakymo išdavimo.`,
      },
      { key: 'thanks', text: 'Dėkoju, kad šį klausimą sutvarkysite greitai.' },
      ...signOff(f),
    );

    return sections;
  },

  re_engagement_reply(f) {
    return [
      { key: 'greeting', text: greeting(f) },
      { key: 'thanks', text: `Dėkoju už ${j(f, 'jūsų')} žinutę ir už tai, kad prisiminėte.` },
      {
        key: 'decision',
        text: `Mūsų bendradarbiavimas ${f.end_on <= f.today ? 'baigėsi' : 'baigiasi'} ${d(f.end_on)}, ir šis sprendimas galutinis: darbo nebeatnaujinsiu.`,
      },
      { key: 'closing', text: `Linkiu ${j(f, 'jums')} visokeriopos sėkmės.` },
      ...signOff(f),
    ];
  },
};
