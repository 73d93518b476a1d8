/** The clauses in Lithuanian, in the register of a Lithuanian paslaugų sutartis. */
import type { NoticeUnit } from '../vocabulary.js';
import { localDate, percentNumber } from './format.js';
import { type Gender, ltForm, ltWords } from './number-words.js';
import type { ClauseFacts, ClauseSection, ClauseWriter } from './types.js';

const UNIT: Record<NoticeUnit, { gender: Gender; one: string; few: string; many: string }> = {
  days: { gender: 'f', one: 'kalendorinė diena', few: 'kalendorinės dienos', many: 'kalendorinių dienų' },
  business_days: { gender: 'f', one: 'darbo diena', few: 'darbo dienos', many: 'darbo dienų' },
  months: { gender: 'm', one: 'mėnuo', few: 'mėnesiai', many: 'mėnesių' },
};

/** „30 (trisdešimt) kalendorinių dienų“: skaitmenimis ir žodžiais, vardininku. */
export function ltPeriod(amount: number, unit: NoticeUnit): string {
  const u = UNIT[unit];

  return `${amount} (${ltWords(amount, u.gender)}) ${u[ltForm(amount)]}`;
}

const pct = (bp: number) => `${percentNumber(bp, 'lt')} proc.`;

const BANK = {
  ECB: 'ECB pagrindinių refinansavimo operacijų norma',
  NBR: 'Rumunijos nacionalinio banko referencinė norma',
  CBR: 'Rusijos banko pagrindinė palūkanų norma',
} as const;

/** The state in the genitive, as „… teisė“ and „… teismui“ need it. */
function lawOf(f: ClauseFacts): string {
  switch (f.input.jurisdiction) {
    case 'LT':
      return 'Lietuvos Respublikos';
    case 'RO':
      return 'Rumunijos';
    case 'RU':
      return 'Rusijos Federacijos';
    case 'EU':
      return f.input.place ? `valstybės (${f.input.place})` : 'ES valstybės narės, kurioje įsisteigęs Teikėjas,';
    case 'other':
      return `valstybės (${f.input.place ?? '[valstybė]'})`;
  }
}

function interest(f: ClauseFacts): string {
  const { input } = f;
  const start =
    'Užsakovui laiku nesumokėjus mokėtinos sumos, Teikėjas turi teisę reikalauti palūkanų už pradelstą sumą nuo kitos dienos po mokėjimo termino pabaigos iki visiško atsiskaitymo dienos';
  if (input.interest.kind === 'contractual') return `${start} – ${pct(input.interest.rate_bp)} metinių palūkanų.`;
  const business = input.client_kind === 'business';
  switch (input.jurisdiction) {
    case 'LT':
      return business
        ? `${start}, kurių dydis nustatytas Lietuvos Respublikos mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos įstatyme: Europos Centrinio Banko pagrindinių refinansavimo operacijų palūkanų norma, galiojusi pirmąją atitinkamo pusmečio kalendorinę dieną, pridėjus 8 (aštuonis) procentinius punktus per metus.`
        : `${start}, kurių dydis nustatytas Lietuvos Respublikos civilinio kodekso 6.210 straipsnyje.`;
    case 'RO':
      return business
        ? `${start}, kurių dydis nustatytas Rumunijos įstatyme Nr. 72/2013: Rumunijos nacionalinio banko referencinė palūkanų norma, pridėjus 8 (aštuonis) procentinius punktus per metus.`
        : `${start}, kurių dydis nustatytas Rumunijos Vyriausybės potvarkiu Nr. 13/2011.`;
    case 'RU':
      return `${start} pagal Rusijos Federacijos civilinio kodekso 395 straipsnį; palūkanų dydis lygus atitinkamais laikotarpiais galiojusiai Rusijos banko pagrindinei palūkanų normai.`;
    case 'EU':
      return business
        ? `${start}, kurių dydis – komerciniams sandoriams taikoma norma pagal Direktyvą 2011/7/ES, perkeltą į ${lawOf(f)} teisę: referencinė palūkanų norma, pridėjus 8 (aštuonis) procentinius punktus per metus.`
        : `${start}, kurių dydis nustatytas ${lawOf(f)} teisėje už pavėluotą piniginių prievolių įvykdymą.`;
    case 'other':
      return `${start}, kurių dydis nustatytas ${lawOf(f)} teisėje už pavėluotą piniginių prievolių įvykdymą.`;
  }
}

function sections(f: ClauseFacts): ClauseSection[] {
  const { input } = f;
  const payment = [
    `4.1 Kiekvienos sąskaitos apmokėjimo terminas – ${ltPeriod(input.payment_days, 'days')} nuo jos gavimo dienos. Mokama į sąskaitoje nurodytą banko sąskaitą.`,
  ];
  if (input.deposit_percent !== null) {
    payment.push(
      `4.2 Prieš pradedant darbus Užsakovas sumoka ${input.deposit_percent} proc. sutartos kainos avansą. Avansas įskaitomas į galutinę sąskaitą; Sutarčiai pasibaigus anksčiau laiko, dėl avanso atsiskaitoma pagal 3.2 punktą.`,
    );
  }
  const late = [`5.1 ${interest(f)}`];
  if (f.euCompensation) {
    late.push(
      '5.2 Be to, už kiekvieną pavėluotai apmokėtą sąskaitą Teikėjas turi teisę gauti fiksuotą 40 (keturiasdešimties) eurų išieškojimo išlaidų kompensaciją; tai neatima jo teisės reikalauti atlyginti pagrįstas išieškojimo išlaidas, viršijančias šią sumą.',
    );
  }
  late.push(
    `5.${late.length + 1} Kol sąskaita lieka neapmokėta pasibaigus mokėjimo terminui, Teikėjas, raštu pranešęs Užsakovui, gali sustabdyti darbus, kol bus gautas mokėjimas; darbų atlikimo terminai atitinkamai pratęsiami.`,
  );
  const law = lawOf(f);

  return [
    {
      number: '1',
      heading: 'Sutarties nutraukimas įspėjus',
      paragraphs: [
        `1.1 Kiekviena šalis bet kuriuo metu gali vienašališkai nutraukti Sutartį nenurodydama priežasčių, apie tai raštu įspėjusi kitą šalį. Įspėjimo terminas – ${ltPeriod(input.notice.amount, input.notice.unit)}; jis skaičiuojamas nuo dienos, kurią kita šalis gauna įspėjimą.`,
        '1.2 Kol nepasibaigęs įspėjimo terminas, Teikėjas toliau teikia paslaugas, o Užsakovas toliau už jas moka Sutartyje nustatyta tvarka.',
        '1.3 Sutarties nutraukimas neturi įtakos jau mokėtinoms sumoms ir nenutraukia nuostatų dėl konfidencialumo, intelektinės nuosavybės, rezultatų perdavimo ir atsakomybės už pavėluotą mokėjimą galiojimo.',
      ],
    },
    {
      number: '2',
      heading: 'Nebaigti darbai ir perdavimas',
      paragraphs: [
        '2.1 Nutraukiant Sutartį, Teikėjas savo pasirinkimu arba užbaigia vykdomus darbus iki artimiausio suderinto etapo, arba perduoda juos Užsakovui tokios būklės, kokios jie yra.',
        '2.2 Pasibaigus įspėjimo terminui, Teikėjas nedelsdamas perduoda Užsakovui visus jam priklausančius failus, medžiagą ir prieigas, o Užsakovas sumoka už iki nutraukimo dienos faktiškai atliktus darbus.',
      ],
    },
    {
      number: '3',
      heading: 'Teikėjo pakeitimas arba sumokėtų sumų grąžinimas',
      paragraphs: [
        '3.1 Jeigu Teikėjas negali arba nusprendžia nevykdyti visų ar dalies savo įsipareigojimų pagal Sutartį, jis nedelsdamas apie tai raštu praneša Užsakovui.',
        '3.2 Tokiu atveju Teikėjas savo pasirinkimu arba pasiūlo tinkamos kvalifikacijos pakaitinį paslaugų teikėją, kuris atliktų likusius darbus Užsakovui ne mažiau palankiomis sąlygomis, arba grąžina iš anksto sumokėtas sumas už neatliktus darbus proporcingai neatliktų darbų daliai.',
        '3.3 Užsakovas neprivalo sutikti su pasiūlytu pakaitiniu teikėju; jam atsisakius, taikomas 3.2 punkte numatytas grąžinimas. Užsakovui sutikus su pakaitiniu teikėju arba grąžinus sumas, Teikėjas atleidžiamas nuo tolesnių įsipareigojimų pagal Sutartį atitinkamoje dalyje, išskyrus nurodytus 1.3 punkte.',
      ],
    },
    { number: '4', heading: 'Atsiskaitymo sąlygos', paragraphs: payment },
    { number: '5', heading: 'Atsakomybė už pavėluotą mokėjimą', paragraphs: late },
    {
      number: '6',
      heading: 'Taikoma teisė ir ginčų sprendimas',
      paragraphs: [
        `6.1 Sutarčiai taikoma ${law} teisė.`,
        `6.2 Ginčus šalys sprendžia derybomis. Jeigu ginčas neišsprendžiamas per 30 (trisdešimt) kalendorinių dienų nuo pretenzijos gavimo, jis perduodamas spręsti kompetentingam ${law} teismui.`,
      ],
    },
  ];
}

export const lt: ClauseWriter = {
  title: 'Sutarties nutraukimas, teikėjo pakeitimas arba sumokėtų sumų grąžinimas; atsiskaitymo sąlygos',
  disclaimer:
    'Šablonas, ne teisinė konsultacija. RedCard šį tekstą parengė pagal jūsų atsakymus ir nežino nei jūsų sutarties, nei jūsų aplinkybių. Prieš naudodami šį tekstą, paprašykite savo jurisdikcijos teisininko jį peržiūrėti.',
  parties: (provider, client) =>
    `Šios sąlygos yra sutarties (toliau – Sutartis) dalis. Šalys: ${provider ?? 'paslaugų teikėjas'} (toliau – Teikėjas) ir ${client ?? 'užsakovas'} (toliau – Užsakovas).`,
  sections,
  notes: (f) => {
    const notes: string[] = [];
    const r = f.statutoryRate;
    if (r) {
      notes.push(
        `Informacijai: ${localDate(f.today, 'lt')} įstatyminė palūkanų norma – ${pct(r.rate_bp)} per metus (${BANK[r.bank]} ${pct(r.reference_bp)}${r.margin_bp ? `, pridėjus ${r.margin_bp / 100} procentinius punktus` : ''}), pagal RedCard palūkanų normų lentelę, kurioje atsižvelgta į sprendimus, paskelbtus iki ${localDate(r.known_until, 'lt')}. Prieš reikalaudami palūkanų, patikrinkite galiojančią normą.`,
      );
    }
    if (f.euCompensation && f.input.payment_days > 60) {
      notes.push(
        'Tarp verslo subjektų ilgesnis nei 60 dienų mokėjimo terminas turi būti aiškiai sutartas ir neturi būti akivaizdžiai nesąžiningas kreditoriaus atžvilgiu (Direktyvos 2011/7/ES 3 straipsnio 5 dalis).',
      );
    }

    return notes;
  },
};
