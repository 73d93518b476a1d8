/**
 * Romanian tone lexicon. Pattern syntax: see tone-lexicon.ts (`a|b` chooses one word; a phrase
 * with other words is its own entry). Diacritics are folded on both sides (ă/â→a, î→i, ș/ş→s,
 * ț/ţ→t), so text typed without them matches; a hyphenated clitic ("m-am") also matches "m am".
 */
import type { ToneLexiconSpec } from '../tone-lexicon.js';

const YOU = 'tu|voi|dumneavoastră|dvs|ești|sunteți|ați|ai|v-ați|te|vă|tău|ta|tale|voastră|vostru';
/** Words that judge a person rather than describe an event. */
const TRAIT =
  'needucat*|arogant*|incompetent*|neprofesionist*|dezorganizat*|haotic*|nepoliticos*|obraznic*|imposibil*|iresponsabil*|lene*|egoist*|toxic*|zgârcit*|nerecunoscăt*|insuportabil*|mojic*|grosolan*|nesimțit*|incapabil*';
/** "Your" after the noun it goes with ("schimbărilor dumneavoastră"). */
const YOUR = 'dumneavoastră|dvs|voastre|voastră|vostru|tale|tău|ta';
/** Conduct named as a fault in itself, and words that make any conduct one ("continue", "constante"). */
const FAULT =
  'întârzier*|amânăr*|greșel*|eror*|indecizi*|lipsei|tergiversăr*|tăcer*|neglijenț*|haos*|nehotărâr*|continue|continui|constante|constant|repetate|permanente|nesfârșite|contradictorii|interminabile';
/** Problems that someone's "side" can be made to carry ("întârzierile au fost din partea dumneavoastră"). */
const PROBLEM = 'întârzier*|greșel*|eror*|problem*|neglijenț*|amânăr*|nerespectar*|vina|vină|responsabilitatea';
/** Exaggerated praise that, said of the client, is meant the other way round. */
const PRAISE = 'excelent*|grozav*|minunat*|superb*|impresionant*|extraordinar*|strălucit*|fabulos*|bravo';
/** What the sarcasm is about: a minimised fault, or what the client did instead of the work (one pattern each). */
const COMPLAINT = [
  'ca ~1 de ~1 obicei',
  'ca ~1 întotdeauna|mereu|totdeauna',
  'din nou',
  'iarăși',
  // nu „întârzi*” sau „ratat*”: „colaborare excelentă, fără întârzieri” este sinceră
  'ignor*',
  'fără ~2 să ~1 citiți|citești|verificați|anunțați|întrebați',
];
/** What a client contributes, named in scare quotes when it is mocked ("«feedback-ul» dumneavoastră"). */
const MOCKED =
  'feedback*|ajutor*|sugesti*|idei|ideile|îmbunătățir*|modificăr*|modificări*|corectur*|brief*|buget*|termen*|deadline*|strategi*|viziun*|proces*|plan*|planificar*|management*|plat*|plăți*|sfat*|expertiz*|priorit*|urgent*|urgență|colaborar*|parteneriat*|echip*|profesionis*|profesionalism*|decizi*|organizar*|comunicar*';
const MOCKED_REQUEST = 'modificăr*|modificare|ajustăr*|ajustare|schimbăr*|schimbare|corectur*|cerer*|cerință|sarcin*|favoare';
const MOCKED_SIZE = 'mic*|mică|rapid*|minor*|urgent*|simpl*|ultim*|final*';
const MONTH =
  'ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie|ian|feb|mar|apr|iun|iul|aug|sept|oct|nov|dec';
// "luni" (Monday) is left out: it is also "months" ("în ultimele luni").
const WEEKDAY = 'miercuri|joi|vineri|sâmbătă|duminică';
const COUNT = 'o|una|două|doua|trei|patru|cinci|#num';

export const ro: ToneLexiconSpec = {
  blame: [
    { id: 'you-habit', match: ['niciodată nu', 'ignorați|ignori|învinovățiți|învinuiți'], with: [YOU] },
    { id: 'you-trait', match: [TRAIT], with: [YOU, 'cineva|un|o ~1 atât|asa|așa ~1 de', 'asemenea ~1 client*|om|oameni|persoan*'] },
    {
      id: 'you-cannot',
      match: [
        'nu ~1 știți|știi ~2 să',
        'nu sunteți|ești ~1 în stare',
        'nu sunteți|ești ~1 capabil*',
        'nu ~1 ascultați|asculți|respectați|respecți',
        'niciodată nu ~1 știți|știi|ascultați|plătiți',
        'mereu|întotdeauna|constant ~1 dați|dai|aruncați ~2 vina',
      ],
    },
    {
      id: 'your-fault',
      match: [
        'din vina ~1 dumneavoastră|voastră|ta|dvs',
        // „din cauza dumneavoastră”; with a noun between, only a fault counts (because-of-your below)
        'din cauza dumneavoastră|ta|voastră|dvs',
        'vina ~2 este|e ~1 a ~1 dumneavoastră|ta|voastră',
        'problema ~3 sunteți|ești',
      ],
    },
    {
      // vina numită drept cauză, fără verb de învinuire („din cauza schimbărilor dumneavoastră continue”)
      id: 'because-of-your',
      match: [`din cauza ~3 ${YOUR}`, `ca urmare a ~3 ${YOUR}`],
      with: [FAULT],
    },
    {
      // problema pusă pe seama clientului („întârzierile au fost din partea dumneavoastră”)
      id: 'your-side',
      match: ['din|de partea ~1 dumneavoastră|dvs|voastră|ta', 'vă aparține', 'aparține ~1 dumneavoastră'],
      with: [PROBLEM],
      unless: ['dacă|orice|confirmare*|confirma*', 'vă rog'],
    },
  ],
  reproach: [
    {
      // a rhetorical question; asked with "if" it is a polite request
      id: 'too-much-to-ask',
      match: ['prea mult ~1 să ~1 cer'],
      unless: ['dacă'],
    },
    {
      id: 'expected-better',
      match: [
        'așteptam|așteptat ~2 la ~1 mai mult|bine|multă',
        'așteptam|așteptat ~2 la altceva',
        'așteptam|așteptat ~4 de la ~1 dumneavoastră|voi|tine|dvs ~2 mai ~1 mult|bine|multă',
        'dezamăgit* ~2 de ~1 dumneavoastră|voi|tine|dvs',
        'm-ați|m-ai ~1 dezamăgit',
        'chiar ~1 atât ~1 de ~1 greu|dificil',
      ],
    },
    {
      // „speram că măcar …”: ce ar fi trebuit să facă clientul, spus ca speranță
      id: 'at-least',
      match: [
        'speram|sperasem|credeam|așteptam|așteptat ~6 măcar|barem',
        'speram|sperasem|credeam|așteptam|așteptat ~6 cel puțin',
        'ați|ai ~1 fi ~1 putut ~2 măcar|barem',
      ],
      // not YOU: its "voi" is also the first person's future ("voi termina")
      with: ['dumneavoastră|dvs|ați|v-ați|vă|veți|ai|te|ești|sunteți|tu'],
    },
    {
      // aceeași speranță în cealaltă parte, fără a o numi („mă așteptam ca măcar termenele să fie respectate”)
      id: 'hoped-that-at-least',
      match: ['speram|sperasem|credeam|așteptam ~1 ca|că ~6 măcar|barem', 'speram|sperasem|credeam|așteptam ~1 ca|că ~6 cel puțin'],
      unless: ['voi|vom|pot|putem|reușesc|reușim|eu|noi', 'să ~1 termin|terminăm|predau|livrez'],
    },
  ],
  emotional: [
    { id: 'insult', match: ['idiot*|prost|proastă|proști|cretin*|penibil*|ridicol*|jalnic*|mizerabil*', 'bătaie de joc'] },
    { id: 'outburst', match: ['m-am săturat', 'ajunge cu', 'niciun chef', 'nu mai suport', 'picătura ~2 pahar*', 'mi-a ajuns'] },
    {
      id: 'sarcasm',
      match: [
        'nu știu cum ~2 rezistă',
        'mult noroc ~2 găsiți|găsești',
        'sigur că da',
        'bravo',
        'felicitări',
        'mulțumesc pentru nimic',
        'pur ~1 simplu ~1 minunat|perfect|grozav',
        'ce surpriză',
        `așa-zis* ~3 ${YOUR}`,
        `${YOUR} ~1 așa-zis*`,
      ],
    },
    {
      // mulțumiri pentru o vină prezentată ca nimic sau ca mult așteptată („mulțumesc că ați plătit doar cu trei luni întârziere”)
      id: 'sarcastic-thanks',
      match: [
        `mulțum* ~10 doar|numai|abia ~1 cu ~1 ${COUNT} ~1 zi|zile|săptămână|săptămâni|lună|luni ~1 întârziere|târziu`,
        `mulțum* ~10 abia ~1 după ~1 ${COUNT} ~1 zi|zile|săptămână|săptămâni|lună|luni|memento*|reamintir*`,
        'mulțum* ~5 în sfârșit',
        'mulțum* ~5 într-un final',
        'mulțum* ~5 ignorat|ignorarea',
      ],
      unless: ['niciodată'],
    },
    {
      // laudă exagerată chiar pentru ce se reproșează („treabă excelentă cu brief-ul, ca de obicei”)
      id: 'mock-praise',
      match: [PRAISE],
      with: COMPLAINT,
      unless: ['mulțum*|recunoscăt*|apreciez'],
    },
    {
      id: 'praise-then-complaint',
      match: ['sunteți|ești ~3 cel|cea mai bun|buna|bună', 'sunteți|ești ~3 geniu|comoară|vedetă'],
      with: COMPLAINT,
    },
  ],
  scareQuoted: [
    {
      id: 'scare-quotes',
      match: [MOCKED, `${MOCKED_SIZE} ~1 ${MOCKED_REQUEST}`, `${MOCKED_REQUEST} ~1 ${MOCKED_SIZE}`],
      unless: ['secțiun*|pagin*|formular*|fil*|coloan*|status*|marcat*|etichet*|subiect*|titlu*'],
    },
  ],
  breakupWord: [
    {
      id: 'break',
      match: ['despărț*|despart*', 'pauză|pauza|pauze', 'ruptur*'],
      unless: ['pauza|pauză ~1 de ~1 masă|prânz|iarnă|vară|sărbători'],
    },
  ],
  wavering: [
    {
      id: 'maybe',
      match: ['poate ~1 nu|că|ar|vom|ne|totuși|mai|e|este|doar', 'probabil'],
      unless: ['poate ~1 prelua|contacta|folosi|găsi|accesa|descărca'],
    },
    { id: 'not-sure', match: ['nu ~1 sunt ~1 sigur*', 'nu știu dacă', 'mă grăbesc', 'să fie definitiv', 'nimic ~1 definitiv'] },
    { id: 'for-now', match: ['deocamdată', 'pentru moment', 'temporar', 'pentru o vreme|perioadă'] },
    {
      id: 'reopen',
      match: [
        'tu decizi',
        'decideți|decideti ~1 dumneavoastră|voi',
        'decizia ~2 a ~1 ta|voastră|dumneavoastră',
        'cum|ce ~1 credeți|crezi|zici|ziceți',
        'ce părere ~1 aveți|ai',
        'sunt deschis*',
        'să mai încercăm',
        'încercăm ~1 din nou',
        'reconsider*|răzgând*',
        'vreo variantă',
        'dacă|poate ~6 continuăm|rămân',
        'să ne mai gândim',
        'revin|reveni|revenim ~2 decizi*|hotărâr*',
        'aș fi ~1 bucuros|bucuroasă ~1 să ~1 revin|continuăm|rămân|continui',
        'aș putea ~2 rămâne|continua',
      ],
    },
  ],
  referral: [
    {
      id: 'recommend',
      match: [
        'recomand*',
        'colega|colegul ~1 mea|meu',
        'o colegă',
        'un coleg',
        'vă|te pun în legătură',
        'o|îl puteți|poți contacta',
        'vă|îți sugerez ~3 contactați|contactezi|apelați',
      ],
    },
  ],
  reason: [
    {
      id: 'because',
      match: [
        'deoarece|întrucât|fiindcă|motivul|cauza|așadar',
        'pentru că',
        'din cauza',
        'din acest motiv',
        'prin urmare',
        'așa că',
        'iar fără',
        'în aceste ~1 condiții|circumstanțe',
      ],
    },
    {
      // „Nu mai pot continua” repetă decizia; motivul e ce o face așa.
      id: 'unable',
      match: ['nu ~1 mai ~1 pot|putem'],
      unless: ['continua|continuăm|continui'],
    },
    {
      id: 'cannot',
      match: [
        'nu ~1 mai ~1 este|e ~1 sustenabil*|posibil*|compatibil*',
        // what has not been possible, said about one's own side (X4): "adesea nu a fost posibil să ..."
        'nu ~1 a ~1 fost ~1 posibil*',
        'nu ~1 am ~1 reușit|putut',
        'nu sunt compatibile',
        'nu mai acoperă',
        'nu ~1 mai ~1 am ~2 timp|capacitate',
        'contravine',
        'nu ~1 este|e ~1 domeniul ~1 meu',
        'nu aș putea',
      ],
    },
    {
      id: 'own-situation',
      match: [
        'am preluat',
        'mă mut',
        'mă concentrez',
        'mă retrag',
        'sănătat*',
        'volumul de muncă',
        'program* ~2 plin*',
        'mă angajez',
        'un post ~2 normă',
      ],
    },
    {
      id: 'what-happened',
      match: [
        'întârzier*|întârziat*|neplătit*|neachitat*|restanț*',
        'insult*|amenințăr*|amenință*|țipat|jigni*',
        'în mod repetat',
        'constant|repetat|repetate',
        'după ~3 ați',
        // evenimentul numit după care s-a decis așa („după discuția din 1 martie”)
        'după ~1 discuția|apelul|întâlnirea|mesajul|mesajele|incidentul|evenimentele',
        'cerut ~4 fals*|ilegal*',
        'mult sub',
        'anulate|ratate',
        'a|au ~1 crescut|scăzut|dublat|triplat',
        's-a|s-au ~1 redus|dublat|triplat|schimbat',
        'noaptea|weekend*|contradic*',
        'noile condiții',
      ],
    },
  ],
  vagueReason: [
    {
      id: 'vague',
      match: [
        'din ~1 motive ~1 personale|diverse|multiple|anumite',
        'din mai multe motive',
        'a venit momentul|vremea',
        'așa s-au ~1 aranjat|întâmplat',
      ],
    },
  ],
  timeline: [
    {
      id: 'date',
      match: [
        `#num ~1 ${MONTH}`,
        `${MONTH} ~1 #num`,
        `sfârșitul|începutul|mijlocul|finalul ~1 lunii|săptămânii|anului ~1 ${MONTH}`,
        `sfârșitul|începutul|mijlocul|finalul ~1 lunii|săptămânii|anului|acestei|acestui`,
        `până|de|din|începând ~1 ${WEEKDAY}|mâine|astăzi`,
        `în|peste ${COUNT} zile|săptămâni|săptămână|luni|lună`,
        `timp de ${COUNT} zile|săptămâni|săptămână|luni|lună`,
        `în următoarele|următorii ${COUNT} zile|săptămâni|luni`,
        `luna ~1 ${MONTH}`,
        'cu efect imediat',
        'imediat',
      ],
    },
    { id: 'numeric-date', match: ['#num ~0 #num ~0 #num'] },
  ],
  consequence: [
    {
      id: 'if-repeats',
      match: [
        'dacă ~4 repetă|repeta|continuă',
        'dacă ~4 din nou',
        'data viitoare',
        'încă o dată ~4 voi|vom',
        'voi fi nevoit* ~3 închei|încetez|opresc|reziliez',
      ],
    },
  ],
  handoff: [
    {
      id: 'materials',
      match: [
        'cod|codul|repository*|repo|depozit*',
        'fișier*|acces*|parol*|folder*|documentați*|arhiv*|glosar*|dosar*|șablo*|backup*|credențial*',
        'cod* sursă',
        'memoria ~2 traducere',
        'ghid* ~1 de ~1 stil',
        'date de acces',
        // "a preda" is also "to teach": only "handing over to you" and "at handover" count.
        'vă|îți|ți|vi|le|îi ~2 predau|predăm|preda|predea',
        'la predare',
        'predarea ~2 proiectului|lucrării|lucrărilor|fișierelor|documentelor',
        'transfer*|transmit*',
        'noul|noului ~2 furnizor*|contabil*|designer*|programator*|colaborator*',
        'proces-verbal|procesul-verbal',
      ],
    },
  ],
  thanks: [{ id: 'thanks', match: ['mulțum*|recunoscăt*|apreciez|gratitudine'], unless: ['mulțumesc pentru nimic'] }],
};
