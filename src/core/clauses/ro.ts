/** The clauses in Romanian, in the register of a Romanian contract de prestări servicii. */
import type { NoticeUnit } from '../vocabulary.js';
import { localDate, percentNumber } from './format.js';
import { roNeedsDe, roWords } from './number-words.js';
import type { ClauseFacts, ClauseSection, ClauseWriter } from './types.js';

const UNIT: Record<NoticeUnit, [string, string]> = {
  days: ['zi calendaristică', 'zile calendaristice'],
  business_days: ['zi lucrătoare', 'zile lucrătoare'],
  months: ['lună', 'luni'],
};

/** „30 (treizeci) de zile calendaristice”: cifre și litere, cu „de” de la 20 în sus. */
export function roPeriod(amount: number, unit: NoticeUnit): string {
  const [one, many] = UNIT[unit];

  return `${amount} (${roWords(amount, 'f')})${roNeedsDe(amount) ? ' de' : ''} ${amount === 1 ? one : many}`;
}

const pct = (bp: number) => `${percentNumber(bp, 'ro')}%`;

const BANK = {
  ECB: 'rata operațiunilor principale de refinanțare a BCE',
  NBR: 'rata dobânzii de referință a BNR',
  CBR: 'rata-cheie a Băncii Rusiei',
} as const;

/** The state in the genitive, as „legislația …” and „instanțele … ale …” need it. */
function lawOf(f: ClauseFacts): string {
  switch (f.input.jurisdiction) {
    case 'LT':
      return 'Republicii Lituania';
    case 'RO':
      return 'României';
    case 'RU':
      return 'Federației Ruse';
    case 'EU':
      return f.input.place ? `statului ${f.input.place}` : 'statului membru al UE în care își are sediul Prestatorul';
    case 'other':
      return `statului ${f.input.place ?? '[țara]'}`;
  }
}

function interest(f: ClauseFacts): string {
  const { input } = f;
  const start =
    'Dacă Beneficiarul nu plătește o sumă la scadență, Prestatorul are dreptul la dobândă penalizatoare asupra sumei restante, din ziua următoare scadenței până la data plății';
  if (input.interest.kind === 'contractual') return `${start}, în cuantum de ${pct(input.interest.rate_bp)} pe an.`;
  const business = input.client_kind === 'business';
  switch (input.jurisdiction) {
    case 'LT':
      return business
        ? `${start}, la nivelul stabilit de Legea Republicii Lituania privind prevenirea întârzierii plăților în tranzacțiile comerciale: rata operațiunilor principale de refinanțare a Băncii Centrale Europene în vigoare în prima zi calendaristică a semestrului respectiv, plus 8 (opt) puncte procentuale pe an.`
        : `${start}, la nivelul prevăzut de articolul 6.210 din Codul civil al Republicii Lituania.`;
    case 'RO':
      return business
        ? `${start}, la nivelul dobânzii legale penalizatoare prevăzute de Legea nr. 72/2013: rata dobânzii de referință a Băncii Naționale a României plus 8 (opt) puncte procentuale pe an.`
        : `${start}, la nivelul dobânzii legale penalizatoare stabilite potrivit Ordonanței Guvernului nr. 13/2011.`;
    case 'RU':
      return `${start}, potrivit articolului 395 din Codul civil al Federației Ruse, la nivelul ratei-cheie a Băncii Rusiei în vigoare în perioadele respective.`;
    case 'EU':
      return business
        ? `${start}, la rata aplicabilă tranzacțiilor comerciale potrivit Directivei 2011/7/UE, astfel cum a fost transpusă în legislația ${lawOf(f)}: rata de referință plus 8 (opt) puncte procentuale pe an.`
        : `${start}, la nivelul dobânzii legale pentru întârzierea la plată prevăzute de legislația ${lawOf(f)}.`;
    case 'other':
      return `${start}, la nivelul dobânzii legale pentru întârzierea la plată prevăzute de legislația ${lawOf(f)}.`;
  }
}

function sections(f: ClauseFacts): ClauseSection[] {
  const { input } = f;
  const payment = [
    `4.1 Beneficiarul achită fiecare factură în termen de ${roPeriod(input.payment_days, 'days')} de la primirea acesteia, în contul bancar indicat în factură.`,
  ];
  if (input.deposit_percent !== null) {
    payment.push(
      `4.2 Înainte de începerea lucrărilor, Beneficiarul plătește un avans de ${input.deposit_percent}% din prețul convenit. Avansul se deduce din factura finală; dacă Contractul încetează înainte de termen, avansul se regularizează potrivit punctului 3.2.`,
    );
  }
  const late = [`5.1 ${interest(f)}`];
  if (f.euCompensation) {
    const sum = input.jurisdiction === 'RO' ? 'egală cu echivalentul în lei al sumei de 40 de euro' : 'de 40 (patruzeci) de euro';
    late.push(
      `5.2 În plus, pentru fiecare factură plătită cu întârziere, Prestatorul are dreptul la o sumă fixă ${sum}, cu titlu de despăgubire pentru costurile de recuperare, fără a aduce atingere dreptului său de a solicita costurile rezonabile de recuperare care depășesc această sumă.`,
    );
  }
  late.push(
    `5.${late.length + 1} Cât timp o factură rămâne neachitată după scadență, Prestatorul poate suspenda executarea lucrărilor, după notificarea scrisă a Beneficiarului, până la primirea plății; termenele de execuție se prelungesc în mod corespunzător.`,
  );
  const law = lawOf(f);

  return [
    {
      number: '1',
      heading: 'Încetarea Contractului prin denunțare unilaterală',
      paragraphs: [
        `1.1 Oricare dintre părți poate denunța unilateral Contractul în orice moment, fără a fi obligată să își motiveze decizia, printr-o notificare scrisă transmisă celeilalte părți. Termenul de preaviz este de ${roPeriod(input.notice.amount, input.notice.unit)} și începe să curgă de la data primirii notificării de către cealaltă parte.`,
        '1.2 Până la expirarea termenului de preaviz, Prestatorul continuă să presteze serviciile, iar Beneficiarul continuă să le plătească, în condițiile Contractului.',
        '1.3 Încetarea Contractului nu afectează sumele deja scadente și nici clauzele privind confidențialitatea, proprietatea intelectuală, predarea rezultatelor și întârzierea la plată, care rămân aplicabile.',
      ],
    },
    {
      number: '2',
      heading: 'Lucrările în curs și predarea',
      paragraphs: [
        '2.1 La încetarea Contractului, Prestatorul, la alegerea sa, fie finalizează lucrările în curs până la următoarea etapă convenită, fie le predă Beneficiarului în stadiul în care se află.',
        '2.2 Fără întârzieri nejustificate după expirarea termenului de preaviz, Prestatorul predă Beneficiarului toate fișierele, materialele și datele de acces care îi aparțin acestuia, iar Beneficiarul plătește lucrările efectuate până la data încetării.',
      ],
    },
    {
      number: '3',
      heading: 'Înlocuirea Prestatorului sau restituirea plății',
      paragraphs: [
        '3.1 Dacă Prestatorul nu poate sau nu mai dorește să își execute, în tot sau în parte, obligațiile din Contract, îl notifică de îndată, în scris, pe Beneficiar.',
        '3.2 În acest caz, Prestatorul, la alegerea sa, fie propune un înlocuitor cu o calificare corespunzătoare, care să execute lucrările rămase în condiții cel puțin la fel de favorabile pentru Beneficiar, fie restituie sumele plătite în avans pentru lucrările neefectuate, proporțional cu partea din lucrări rămasă neexecutată.',
        '3.3 Beneficiarul nu este obligat să accepte înlocuitorul propus; dacă îl refuză, se aplică restituirea prevăzută la punctul 3.2. De la data acceptării înlocuitorului sau a restituirii sumelor, Prestatorul este liberat de orice alte obligații din Contract pentru partea respectivă, cu excepția celor menționate la punctul 1.3.',
      ],
    },
    { number: '4', heading: 'Condiții de plată', paragraphs: payment },
    { number: '5', heading: 'Întârzierea la plată', paragraphs: late },
    {
      number: '6',
      heading: 'Legea aplicabilă și soluționarea litigiilor',
      paragraphs: [
        `6.1 Contractul este guvernat de legislația ${law}.`,
        `6.2 Părțile încearcă să soluționeze pe cale amiabilă orice litigiu. Dacă litigiul nu este soluționat în termen de 30 (treizeci) de zile calendaristice de la primirea notificării, acesta va fi înaintat instanțelor competente ale ${law}.`,
      ],
    },
  ];
}

export const ro: ClauseWriter = {
  title: 'Încetarea contractului, înlocuirea prestatorului sau restituirea plății; condiții de plată',
  disclaimer:
    'Model orientativ, nu consultanță juridică. RedCard a redactat acest text pe baza răspunsurilor dumneavoastră și nu cunoaște contractul sau situația dumneavoastră. Înainte de a-l folosi, cereți unui avocat din jurisdicția dumneavoastră să îl verifice.',
  parties: (provider, client) =>
    `Prezentele clauze fac parte din contractul (denumit în continuare „Contractul”) încheiat între ${provider ?? 'prestator'} (denumit în continuare „Prestatorul”) și ${client ?? 'beneficiar'} (denumit în continuare „Beneficiarul”).`,
  sections,
  notes: (f) => {
    const notes: string[] = [];
    const r = f.statutoryRate;
    if (r) {
      notes.push(
        `Cu titlu informativ: la ${localDate(f.today, 'ro')}, rata legală este de ${pct(r.rate_bp)} pe an (${BANK[r.bank]} ${pct(r.reference_bp)}${r.margin_bp ? ` plus ${r.margin_bp / 100} puncte procentuale` : ''}), conform tabelului de rate RedCard, care reflectă deciziile publicate până la ${localDate(r.known_until, 'ro')}. Verificați rata în vigoare înainte de a solicita dobânda.`,
      );
    }
    if (f.euCompensation && f.input.payment_days > 60) {
      notes.push(
        'Între profesioniști, un termen de plată mai lung de 60 de zile trebuie convenit în mod expres și nu trebuie să fie vădit abuziv față de creditor (Directiva 2011/7/UE, articolul 3 alineatul (5)).',
      );
    }

    return notes;
  },
};
