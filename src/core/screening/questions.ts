/**
 * The prospect questionnaire's fixed questions (DOMAIN.md A4: screen new clients better). Each
 * question asks about one red-flag code of section 1 before any work starts; each answer option
 * carries a fit weight from 1 (no sign of the flag) down to 0 (the flag, plainly). Options are
 * listed best first, so a form shows them in a calm order. Pure data, written per language.
 */
import type { Language, RedFlagCode } from '../vocabulary.js';

export type Localized = Record<Language, string>;

export interface ScreeningOption {
  id: string;
  /** Fit, 0..1: 1 says nothing against the client, 0 is the red flag itself. */
  weight: number;
  text: Localized;
}

export interface ScreeningQuestion {
  id: string;
  /** The red flag the question looks for. */
  code: RedFlagCode;
  /** How much the question counts (1..3) before lessons add to it. */
  importance: number;
  text: Localized;
  options: ScreeningOption[];
}

export const BASE_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'deposit',
    code: 'payment',
    importance: 3,
    text: {
      en: 'Will you pay a deposit before work starts?',
      ru: 'Готовы ли вы внести предоплату до начала работы?',
      ro: 'Sunteți de acord să plătiți un avans înainte de începerea lucrului?',
      lt: 'Ar sumokėsite avansą prieš pradedant darbą?',
    },
    options: [
      {
        id: 'yes',
        weight: 1,
        text: { en: 'Yes, a deposit up front', ru: 'Да, предоплату сразу', ro: 'Da, un avans de la început', lt: 'Taip, avansą iš karto' },
      },
      {
        id: 'milestones',
        weight: 0.7,
        text: { en: 'We pay by milestones', ru: 'Платим по этапам', ro: 'Plătim pe etape', lt: 'Mokame etapais' },
      },
      {
        id: 'on_delivery',
        weight: 0.3,
        text: { en: 'Only when it is delivered', ru: 'Только после сдачи работы', ro: 'Doar la predare', lt: 'Tik atlikus darbą' },
      },
      {
        id: 'no',
        weight: 0,
        text: { en: 'No, we do not pay deposits', ru: 'Нет, предоплату не вносим', ro: 'Nu, nu plătim avans', lt: 'Ne, avanso nemokame' },
      },
    ],
  },
  {
    id: 'budget',
    code: 'price_pressure',
    importance: 3,
    text: {
      en: 'Is the budget fixed, and does it match the quote?',
      ru: 'Бюджет определён и совпадает ли он с нашей оценкой?',
      ro: 'Bugetul este stabilit și corespunde ofertei noastre?',
      lt: 'Ar biudžetas nustatytas ir atitinka mūsų pasiūlymą?',
    },
    options: [
      {
        id: 'matches',
        weight: 1,
        text: {
          en: 'Fixed, and it matches the quote',
          ru: 'Определён и совпадает с оценкой',
          ro: 'Stabilit și corespunde ofertei',
          lt: 'Nustatytas ir atitinka pasiūlymą',
        },
      },
      {
        id: 'close',
        weight: 0.6,
        text: {
          en: 'Close to the quote, open to talk',
          ru: 'Близок к оценке, можно обсудить',
          ro: 'Aproape de ofertă, putem discuta',
          lt: 'Artimas pasiūlymui, galime aptarti',
        },
      },
      {
        id: 'unknown',
        weight: 0.4,
        text: { en: 'No budget set yet', ru: 'Бюджета пока нет', ro: 'Încă nu avem un buget', lt: 'Biudžeto dar nėra' },
      },
      {
        id: 'lower',
        weight: 0.1,
        text: { en: 'Well below the quote', ru: 'Заметно ниже оценки', ro: 'Mult sub ofertă', lt: 'Gerokai mažesnis už pasiūlymą' },
      },
    ],
  },
  {
    id: 'deadline',
    code: 'urgency_pressure',
    importance: 2,
    text: {
      en: 'When do you need it, and why by then?',
      ru: 'К какому сроку нужен результат и почему именно к нему?',
      ro: 'Până când aveți nevoie de rezultat și de ce atunci?',
      lt: 'Iki kada reikia rezultato ir kodėl būtent iki tada?',
    },
    options: [
      {
        id: 'realistic',
        weight: 1,
        text: {
          en: 'A realistic date, with a reason',
          ru: 'Реальный срок, и есть причина',
          ro: 'Un termen realist, cu un motiv',
          lt: 'Realus terminas, yra priežastis',
        },
      },
      {
        id: 'tight',
        weight: 0.6,
        text: {
          en: 'Tight, but for a clear reason',
          ru: 'Сжатый, но по понятной причине',
          ro: 'Strâns, dar din motive clare',
          lt: 'Trumpas, bet dėl aiškios priežasties',
        },
      },
      {
        id: 'asap',
        weight: 0.1,
        text: {
          en: 'As soon as possible, no reason given',
          ru: 'Как можно скорее, без причины',
          ro: 'Cât mai repede, fără motiv',
          lt: 'Kuo greičiau, be priežasties',
        },
      },
    ],
  },
  {
    id: 'scope',
    code: 'scope_creep',
    importance: 2,
    text: {
      en: 'Is the scope written down, and how are changes agreed?',
      ru: 'Объём работ записан, и как согласуются изменения?',
      ro: 'Este scris ce intră în lucrare și cum se convin schimbările?',
      lt: 'Ar darbų apimtis aprašyta ir kaip derinami pakeitimai?',
    },
    options: [
      {
        id: 'written_process',
        weight: 1,
        text: {
          en: 'Written, changes quoted separately',
          ru: 'Записан, изменения оцениваются отдельно',
          ro: 'Scris, schimbările se ofertează separat',
          lt: 'Aprašyta, pakeitimai įkainojami atskirai',
        },
      },
      {
        id: 'written',
        weight: 0.6,
        text: {
          en: 'Written, no change process yet',
          ru: 'Записан, порядка изменений нет',
          ro: 'Scris, fără o regulă pentru schimbări',
          lt: 'Aprašyta, pakeitimų tvarkos nėra',
        },
      },
      {
        id: 'open',
        weight: 0.2,
        text: {
          en: 'Not written; we will see as we go',
          ru: 'Не записан, разберёмся по ходу',
          ro: 'Nescris, vedem pe parcurs',
          lt: 'Neaprašyta, žiūrėsime eigoje',
        },
      },
    ],
  },
  {
    id: 'availability',
    code: 'availability_demands',
    importance: 2,
    text: {
      en: 'What response time do you expect, and in which hours?',
      ru: 'Как быстро вы ждёте ответа и в какие часы?',
      ro: 'În cât timp așteptați un răspuns și în ce ore?',
      lt: 'Per kiek laiko tikitės atsakymo ir kuriomis valandomis?',
    },
    options: [
      {
        id: 'business_hours',
        weight: 1,
        text: {
          en: 'Within a working day, in working hours',
          ru: 'В течение рабочего дня, в рабочее время',
          ro: 'În aceeași zi lucrătoare, în program',
          lt: 'Per darbo dieną, darbo valandomis',
        },
      },
      {
        id: 'same_day',
        weight: 0.6,
        text: {
          en: 'Within hours, sometimes evenings',
          ru: 'В течение нескольких часов, иногда вечером',
          ro: 'În câteva ore, uneori seara',
          lt: 'Per kelias valandas, kartais vakare',
        },
      },
      {
        id: 'always',
        weight: 0,
        text: {
          en: 'Any time, weekends included',
          ru: 'В любое время, включая выходные',
          ro: 'Oricând, inclusiv în weekend',
          lt: 'Bet kada, ir savaitgaliais',
        },
      },
    ],
  },
  {
    id: 'expertise',
    code: 'disregard_expertise',
    importance: 1,
    text: {
      en: 'If we disagree on how to do the work, who decides?',
      ru: 'Если мы разойдёмся во мнениях о том, как делать работу, кто решает?',
      ro: 'Dacă nu suntem de acord asupra modului de lucru, cine decide?',
      lt: 'Jei nesutarsime, kaip atlikti darbą, kas nuspręs?',
    },
    options: [
      {
        id: 'expert',
        weight: 1,
        text: {
          en: 'You, on the professional part',
          ru: 'Вы, в профессиональной части',
          ro: 'Dumneavoastră, pe partea profesională',
          lt: 'Jūs, dėl profesinių dalykų',
        },
      },
      {
        id: 'together',
        weight: 0.7,
        text: { en: 'We decide together', ru: 'Решаем вместе', ro: 'Decidem împreună', lt: 'Sprendžiame kartu' },
      },
      {
        id: 'client',
        weight: 0.1,
        text: { en: 'We do; you carry it out', ru: 'Мы, а вы исполняете', ro: 'Noi; dumneavoastră executați', lt: 'Mes, o jūs vykdote' },
      },
    ],
  },
  {
    id: 'contract',
    code: 'contract_breach',
    importance: 2,
    text: {
      en: 'Will you sign a written contract, including how either side can end it?',
      ru: 'Подпишете ли вы письменный договор, включая порядок его расторжения?',
      ro: 'Veți semna un contract scris, inclusiv cum poate fi încheiat de oricare parte?',
      lt: 'Ar pasirašysite rašytinę sutartį, kurioje aprašyta, kaip bet kuri šalis gali ją nutraukti?',
    },
    options: [
      {
        id: 'yes',
        weight: 1,
        text: {
          en: 'Yes, before work starts',
          ru: 'Да, до начала работы',
          ro: 'Da, înainte de începere',
          lt: 'Taip, prieš pradedant darbą',
        },
      },
      {
        id: 'later',
        weight: 0.4,
        text: {
          en: 'Yes, once work has started',
          ru: 'Да, когда работа уже начнётся',
          ro: 'Da, după ce începe lucrul',
          lt: 'Taip, kai darbas jau prasidės',
        },
      },
      { id: 'no', weight: 0, text: { en: 'No contract', ru: 'Без договора', ro: 'Fără contract', lt: 'Be sutarties' } },
    ],
  },
  {
    id: 'previous',
    code: 'negativity',
    importance: 1,
    text: {
      en: 'Have you worked with someone on this before, and how did it end?',
      ru: 'Работали ли вы над этим с кем-то раньше и чем это закончилось?',
      ro: 'Ați mai lucrat cu cineva la asta și cum s-a încheiat?',
      lt: 'Ar anksčiau su kuo nors dirbote prie to ir kaip tai baigėsi?',
    },
    options: [
      { id: 'first', weight: 1, text: { en: 'This is our first time', ru: 'Это впервые', ro: 'Este prima dată', lt: 'Tai pirmas kartas' } },
      {
        id: 'amicable',
        weight: 0.8,
        text: { en: 'It ended on good terms', ru: 'Расстались мирно', ro: 'S-a încheiat în bune relații', lt: 'Išsiskyrėme gražiai' },
      },
      {
        id: 'blame',
        weight: 0.2,
        text: {
          en: 'They let us down (several times)',
          ru: 'Нас подвели (и не раз)',
          ro: 'Ne-au dezamăgit (de mai multe ori)',
          lt: 'Jie mus nuvylė (ne kartą)',
        },
      },
    ],
  },
  {
    id: 'lawful',
    code: 'unlawful',
    importance: 3,
    text: {
      en: 'Does any part of the work bend a law, a licence or a platform’s rules?',
      ru: 'Есть ли в работе что-то, что обходит закон, лицензию или правила платформы?',
      ro: 'Există vreo parte a lucrării care ocolește o lege, o licență sau regulile unei platforme?',
      lt: 'Ar kuri nors darbo dalis apeina įstatymą, licenciją ar platformos taisykles?',
    },
    options: [
      { id: 'no', weight: 1, text: { en: 'No', ru: 'Нет', ro: 'Nu', lt: 'Ne' } },
      { id: 'unsure', weight: 0.5, text: { en: 'Not sure', ru: 'Не уверены', ro: 'Nu suntem siguri', lt: 'Nesame tikri' } },
      { id: 'yes', weight: 0, text: { en: 'Yes, a little', ru: 'Да, немного', ro: 'Da, puțin', lt: 'Taip, šiek tiek' } },
    ],
  },
];

/**
 * Questions asked only when one of the workspace's lessons names their red flag: a lesson about
 * abuse or a threat to reputation adds the question, since most prospects need not hear it.
 */
export const LESSON_ADDED_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'feedback',
    code: 'abuse',
    importance: 2,
    text: {
      en: 'When something goes wrong, how do you usually raise it?',
      ru: 'Когда что-то идёт не так, как вы обычно об этом говорите?',
      ro: 'Când ceva nu merge bine, cum semnalați de obicei problema?',
      lt: 'Kai kas nors nepavyksta, kaip paprastai apie tai pranešate?',
    },
    options: [
      {
        id: 'calm',
        weight: 1,
        text: {
          en: 'Calmly, in writing or on a call',
          ru: 'Спокойно, письменно или на созвоне',
          ro: 'Calm, în scris sau la telefon',
          lt: 'Ramiai, raštu arba skambučiu',
        },
      },
      {
        id: 'blunt',
        weight: 0.6,
        text: { en: 'Directly, sometimes bluntly', ru: 'Прямо, иногда резко', ro: 'Direct, uneori tăios', lt: 'Tiesiai, kartais aštriai' },
      },
      {
        id: 'pressure',
        weight: 0,
        text: {
          en: 'Loudly, until it is fixed',
          ru: 'Громко, пока не исправят',
          ro: 'Ridicând tonul, până se rezolvă',
          lt: 'Garsiai, kol pataisoma',
        },
      },
    ],
  },
  {
    id: 'unhappy',
    code: 'reputation_threat',
    importance: 2,
    text: {
      en: 'If you are unhappy with the result, what do you do?',
      ru: 'Если вас не устроит результат, что вы сделаете?',
      ro: 'Dacă nu sunteți mulțumit de rezultat, ce faceți?',
      lt: 'Jei rezultatas jūsų netenkins, ką darysite?',
    },
    options: [
      {
        id: 'talk',
        weight: 1,
        text: {
          en: 'Tell you and agree on a fix',
          ru: 'Скажу вам, и договоримся, как исправить',
          ro: 'Vă spun și convenim o remediere',
          lt: 'Pasakysiu jums ir susitarsime, kaip pataisyti',
        },
      },
      {
        id: 'discount',
        weight: 0.5,
        text: {
          en: 'Ask for money back or a discount',
          ru: 'Попрошу вернуть деньги или скидку',
          ro: 'Cer banii înapoi sau o reducere',
          lt: 'Paprašysiu grąžinti pinigus ar nuolaidos',
        },
      },
      {
        id: 'public',
        weight: 0,
        text: {
          en: 'Post a public review first',
          ru: 'Сначала напишу публичный отзыв',
          ro: 'Întâi scriu o recenzie publică',
          lt: 'Pirmiausia parašysiu viešą atsiliepimą',
        },
      },
    ],
  },
];

/** The options of a question made from one of the user's own lessons (the user answers it, never the prospect). */
export const LESSON_OPTIONS: readonly ScreeningOption[] = [
  {
    id: 'clear',
    weight: 1,
    text: { en: 'Checked: no sign of it', ru: 'Проверено: признаков нет', ro: 'Verificat: niciun semn', lt: 'Patikrinta: ženklų nėra' },
  },
  {
    id: 'unsure',
    weight: 0.5,
    text: { en: 'Not sure yet', ru: 'Пока неясно', ro: 'Încă nu știu', lt: 'Dar neaišku' },
  },
  {
    id: 'seen',
    weight: 0,
    text: { en: 'I see the same sign again', ru: 'Вижу тот же признак', ro: 'Văd din nou același semn', lt: 'Matau tą patį ženklą' },
  },
];

/** The reminder put before a lesson's own words. */
export const LESSON_PROMPT: Localized = {
  en: 'From your lessons: does this prospect show it?',
  ru: 'Из ваших уроков: есть ли это у нового клиента?',
  ro: 'Din lecțiile dumneavoastră: apare asta la noul client?',
  lt: 'Iš jūsų pamokų: ar tai matyti naujam klientui?',
};
