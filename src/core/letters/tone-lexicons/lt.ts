/**
 * Lithuanian tone lexicon. Pattern syntax: see tone-lexicon.ts (`a|b` chooses one word; a phrase
 * with other words is its own entry). Diacritics are folded on both sides (ą→a, č→c, ę/ė→e,
 * į→i, š→s, ų/ū→u, ž→z), so text typed without them matches. Stems carry the case endings
 * ("prieig*" is "prieiga", "prieigas", "prieigų").
 */
import type { ToneLexiconSpec } from '../tone-lexicon.js';

const YOU = 'jūs|jūsų|jums|jus|jumis|tu|tavo|tau|tave|tavimi';
/** Words that judge a person rather than describe an event. */
const TRAIT =
  'nesugeb*|nemokate|nemoki|neorganizuot*|nekompetenting*|chaotišk*|arogant*|įžūl*|nemandag*|grubus|grubi|grubūs|neprofesional*|neatsaking*|tingus|tingi|savanaudi*|nepakeliam*|neišmanėl*|godus|gobš*|nedėkingas|nedėkinga';
/** Conduct named as a fault in itself, and words that make any conduct one ("nuolatinių pakeitimų"). */
const FAULT =
  'nuolatin*|nesibaigianč*|pastov*|dažn*|pakartotin*|prieštaring*|nerealist*|chaotišk*|vėlavim*|vėlavimų|delsim*|klaid*|neryžtingum*|neapsisprendim*|chaos*|netvark*|užgaid*|aplaidum*|neatsakingum*';
/** Problems that someone's "side" can be made to carry ("vėlavimai buvo iš jūsų pusės"). */
const PROBLEM = 'vėlav*|vėluo*|klaid*|problem*|delsim*|nesklandum*|trukd*|kaltė*|kaltės|atsakomyb*|pažeidim*';
/** Exaggerated praise that, said of the client, is meant the other way round. */
const PRAISE = 'puikus|puiki|puikų|puikiai|nuostab*|šaun*|šauniai|genial*|įspūding*|bravo';
/** What the sarcasm is about: a minimised fault, or what the client did instead of the work (one pattern each). */
const COMPLAINT = [
  'kaip ~1 visada|paprastai|įprasta|visuomet',
  'ir vėl',
  'eilinį kartą',
  // ne „praleid*“ (ir „praleisti laiką“) ir ne „vėluo*“: „puikus darbas, net kai vėluodavo“ nuoširdu
  'ignoravot*|ignoruojat*|ignoravai|pamiršote|pamiršai',
  'ne ~2 perskaitę|perskaičius|įspėję|įspėjus|paklausę|paklausus',
];
/** What a client contributes, named in scare quotes when it is mocked (jūsų „pastabos“). */
const MOCKED =
  'pastab*|atsiliepim*|pagalb*|pasiūlym*|idėj*|patobulinim*|pataisym*|pakeitim*|skub*|skubiai|brief*|užduot*|biudžet*|termin*|strategij*|vizij*|proces*|plan*|planavim*|valdym*|vadovavim*|apmokėjim*|mokėjim*|patarim*|ekspertiz*|prioritet*|sprendim*|bendradarbiavim*|partneryst*|komand*|profesional*|profesionalum*|organizavim*|komunikacij*|feedback*';
const MOCKED_SIZE = 'smulk*|nedidel*|greit*|skub*|paskutin*|galutin*|paprast*|mažyt*|maž*';
const MOCKED_REQUEST = 'pataisym*|pakeitim*|užduot*|užduotėl*|prašym*|klausim*|darb*|darbel*';
const MONTH =
  'sausi*|vasari*|kovo|kovą|kove|kovas|balandži*|balandį|balandis|gegužė*|gegužę|birželi*|birželį|liepos|liepą|liepa|liepoje|rugpjūči*|rugpjūtį|rugsėj*|rugsėjį|spalio|spalį|spalis|lapkriči*|lapkritį|gruodži*|gruodį|gruodis';
const WEEKDAY = 'pirmadien*|antradien*|trečiadien*|ketvirtadien*|penktadien*|šeštadien*|sekmadien*';
const COUNT = 'vien*|dvi|dviejų|dvejų|trij*|keturi*|penki*|#num';

export const lt: ToneLexiconSpec = {
  blame: [
    { id: 'you-habit', match: ['niekada ne*', 'ieškote|ieškai ~1 kaltų|kaltųjų', 'kaltinate|kaltini|ignoruojate|ignoruoji'], with: [YOU] },
    { id: 'you-trait', match: [TRAIT], with: [YOU, 'tokiu|tokia|tokiais|tokiu ~1 vadov*|klient*|žmog*|užsakov*'] },
    {
      id: 'you-never-always',
      match: [
        'jūs|tu ~2 nuolat|visada|niekada ~2 kaltinat*|kaltini|keičiat*|vėluojat*|nežinot*|neklausot*|negerbiat*',
        'jūs|tu ~1 ne ~1 žinote|žinai|klausote|gerbiate',
      ],
    },
    {
      id: 'your-fault',
      match: ['dėl ~1 jūsų|tavo ~1 kaltės', 'jūsų|tavo ~1 kaltė', 'dėl jūsų|tavo ~1 klaid*', 'problema ~3 jūs|jumyse|tu'],
    },
    {
      // kaltė įvardyta kaip priežastis, be kaltinimo veiksmažodžio („dėl jūsų nuolatinių pakeitimų“)
      id: 'because-of-your',
      match: [`dėl|per ~1 jūsų|tavo ~2 ${FAULT}`],
    },
    {
      // problema priskirta kliento pusei („vėlavimai buvo iš jūsų pusės“)
      id: 'your-side',
      match: ['iš jūsų|tavo pusės', 'jūsų|tavo pusėje'],
      with: [PROBLEM],
      unless: ['jei|jeigu|prašau|patvirtin*', 'bet kokių|kokios'],
    },
  ],
  reproach: [
    {
      // a rhetorical question; asked with "if" it is a polite request
      id: 'too-much-to-ask',
      match: ['per daug ~1 prašau|prašyti|norėti'],
      unless: ['jei|jeigu'],
    },
    {
      id: 'expected-better',
      match: [
        'tikėjausi|tikėjaus|laukiau|vyliausi ~3 daugiau|geriau|geresnio|kitokio',
        'nusivyliau|nusivylusi|nusivylęs|nusivylus ~2 jumis|tavimi|jūsų|tavo',
        'jūs|tu ~1 mane ~1 nuvylėte|nuvylei',
        'nejaugi|argi ~2 taip ~1 sunku',
      ],
      with: ['jūs|jūsų|jums|jus|jumis|tu|tavo|tau|tave|tavimi|tavęs'],
    },
    {
      // „tikėjausi, kad bent …“: ką klientas turėjo padaryti, pasakyta kaip viltis
      id: 'at-least',
      match: ['tikėjausi|tikėjaus|maniau|vyliausi|laukiau ~6 bent', 'galėjote|galėjai|galėtumėte|galėtum ~2 bent'],
      with: [YOU],
    },
    {
      // ta pati viltis dėl kitos pusės, jos neįvardijant („tikėjausi, kad bent sutarti terminai bus laikomasi“)
      id: 'hoped-that-at-least',
      match: ['tikėjausi|maniau|vyliausi ~1 kad ~6 bent'],
      unless: ['aš|mes|spėsiu|spėsime|galėsiu|galėsime|pavyks|baigsiu|užbaigsiu|suspėsiu'],
    },
  ],
  emotional: [
    { id: 'insult', match: ['idiot*|kvail*|durn*|asil*|debil*|juokinga|apgailėtin*|bjaur*|šlykšt*|nesąmon*'] },
    { id: 'outburst', match: ['man ~1 gana', 'užteks|užtenka', 'nusibodo|įgriso|atsibodo', 'paskutinis lašas', 'kantrybė ~2 baigėsi'] },
    {
      id: 'sarcasm',
      match: [
        'tiesiog ~1 puiku|nuostabu|šaunu',
        'nu ir',
        'kam tada',
        'ačiū už nieką',
        'sėkmės ~3 ieškant|rasti',
        'sveikinu',
        'žinoma ~3 ar ne',
        'kas ~2 ištvers|pakęs',
        'jūsų|tavo ~2 vadinam*|neva',
      ],
    },
    {
      // padėka už kaltę, pateiktą kaip menkniekį ar kaip ilgai lauktą („ačiū, kad sumokėjote tik trimis mėnesiais vėliau“)
      id: 'sarcastic-thanks',
      match: [
        `ačiū|dėkoju|dėkui ~10 tik|vos ~1 ${COUNT}|dviem|trimis|keturiais|penkiais ~1 dien*|dienomis|savait*|savaitėmis|mėnes*|mėnesiais ~1 vėliau|pavėluot*`,
        `ačiū|dėkoju|dėkui ~10 tik|vos ~1 savaite|mėnesiu|diena ~1 vėliau|pavėluot*`,
        'ačiū|dėkoju|dėkui ~5 pagaliau|ignoravot*|ignoruojat*|ignoravai',
      ],
    },
    {
      // perdėtas pagyrimas už tai, dėl ko skundžiamasi („puikus darbas su užduotimi, kaip visada“)
      id: 'mock-praise',
      match: [PRAISE],
      with: COMPLAINT,
      unless: ['ačiū|dėkoju|dėkui|dėking*|vertinu'],
    },
    {
      id: 'praise-then-complaint',
      match: ['jūs|tu ~2 tiesiog|tikrai|išties ~1 geriausi*|genij*|žvaigžd*|lobis'],
      with: COMPLAINT,
    },
  ],
  scareQuoted: [
    {
      id: 'scare-quotes',
      match: [MOCKED, `${MOCKED_SIZE} ~1 ${MOCKED_REQUEST}`],
      unless: ['skilt*|puslap*|form*|skirtuk*|stulpel*|būsen*|pažymėt*|tem*|antrašt*'],
    },
  ],
  breakupWord: [
    {
      id: 'break',
      match: ['išsiskir*|skyryb*|išsiskyrim*', 'pertrauk*|pauz*', 'pailsėti vienas nuo kito'],
      unless: ['žiemos|kalėdų|vasaros|pietų|šventinė* ~1 pertrauk*|atostog*'],
    },
  ],
  wavering: [
    { id: 'maybe', match: ['gal|galbūt|turbūt|tikriausiai'] },
    { id: 'not-sure', match: ['nesu ~1 tikr*', 'nežinau ~1 ar', 'skubu|skubėti|skubotai', 'dar ~1 neapsisprend*', 'ne ~1 galutin*'] },
    { id: 'for-now', match: ['kol kas', 'laikinai', 'kuriam laikui'] },
    {
      id: 'reopen',
      match: [
        'ką manai|manote',
        'spręsk|spręskite|nuspręsk|nuspręskite',
        'jums|tau ~1 spręsti',
        'sprendimas ~2 jūsų|tavo',
        'liktų ~2 kaip buvo',
        'pasikalbėkim*|aptarkim*',
        'dar ~2 galėtume|pabandyti|pabandykime',
        'persvarsty*|apsigalvo*',
        'esu atvir*',
        'galėčiau|galėtume ~3 pasilikti|likti|tęsti',
      ],
    },
  ],
  referral: [
    {
      id: 'recommend',
      match: [
        'rekomend*',
        'kolegę|kolegą|kolega|kolegos',
        'supažindin*',
        'suvesiu',
        'siūlau|siūlyčiau ~2 kreiptis',
        'galite|gali ~1 kreiptis ~1 į',
      ],
    },
  ],
  reason: [
    {
      id: 'because',
      match: [
        'nes|kadangi|todėl|priežastis|priežastys|vadinasi',
        'dėl to',
        'dėl šios|šių ~1 priežast*',
        'tokiomis|šiomis ~1 sąlygomis|aplinkybėmis',
      ],
    },
    {
      // „Negaliu tęsti“ pakartoja sprendimą, o ne jį paaiškina.
      id: 'unable',
      match: ['negaliu|nebegaliu|negalėsiu|nebegalėsiu|negalėčiau'],
      unless: ['tęsti|toliau'],
    },
    {
      id: 'cannot',
      match: [
        'nebeturiu|neturiu ~2 laiko|galimybių|pajėgumų',
        'nebeturėsiu|neturėsiu',
        'per daug|mažai',
        'nebespėju|nespėju|nebespėsiu',
        'ne ~1 mano ~1 sritis|specializacija',
        'neįmanoma',
        // apie savo pusę (X4): „dažnai nepavykdavo suplanuoti“, „nebuvo įmanoma“
        'nebuvo ~1 įmanoma',
        'nepavyksta|nepavykdavo|nepavyko',
        'netinka|nebetinka',
      ],
    },
    {
      id: 'own-situation',
      match: [
        'išvykstu|persikeliu|išsikraustau|uždarau',
        'sveikat*',
        'pradedu ~3 dirbti|dėstyti|studijuoti|naują',
        'grafik* ~2 užpild*',
        'užimtum*|krūvi*',
        'nuolatinį ~1 darbą',
        'susitelk*|koncentruojuosi',
      ],
    },
    {
      id: 'what-happened',
      match: [
        'pavėluot*|vėluoj*|vėlavim*|neapmokėt*|skol*',
        'įžeidim*|grasinim*|įžeidinėj*|šaukė|rėkė',
        'nuolat|pakartotinai|reguliariai',
        'ne kartą',
        'po ~3 jūsų',
        'po to kai',
        // įvardytas įvykis, po kurio taip nuspręsta („po kovo 1 d. pokalbio“; data gali būti per vidurį)
        'po ~6 pokalbio|skambučio|susitikimo|laiško|žinutės|incidento|įvykių',
        'neteising*|suklastot*|netikr*',
        'prieštarauj*|prieštaring*|savaitgal*',
        'išaugo|sumažėjo|padidėjo|padvigubėjo|pasikeitė',
        'naktį|naktimis',
      ],
    },
  ],
  vagueReason: [
    {
      id: 'vague',
      match: [
        'taip ~1 susiklostė|išėjo',
        'susiklostė ~1 aplinkybės',
        'dėl ~1 asmeninių|įvairių ~1 priežasčių',
        'dėl tam tikrų priežasčių',
        'atėjo laikas',
      ],
    },
  ],
  timeline: [
    {
      id: 'date',
      match: [
        `${MONTH} ~1 #num`,
        `#num ~1 ${MONTH}`,
        `${MONTH} ~1 mėn* ~1 pabaig*|pradži*|vidur*`,
        `${MONTH} pabaig*|pradži*|vidur*`,
        'mėnesio|savaitės|metų ~1 pabaig*|pradži*',
        `iki|nuo|po ~1 ${WEEKDAY}|rytojaus|šiandien`,
        `per|po ~1 ${COUNT} ~1 dien*|savaič*|savaitę|mėnes*|mėnesį`,
        'nuo šiandien|dabar|rytojaus',
        'nedelsiant|iškart|nedelsdama|nedelsdamas',
        '#num ~0 d',
      ],
    },
    { id: 'numeric-date', match: ['#num ~0 #num ~0 #num'] },
  ],
  consequence: [
    {
      id: 'if-repeats',
      match: ['jei|jeigu ~4 pasikartos|kartosis|tęsis|vėl', 'kitą kartą', 'būsiu ~1 priversta|priverstas ~3 nutraukti|sustabdyti|baigti'],
    },
  ],
  handoff: [
    {
      id: 'materials',
      match: [
        'fail*|prieig*|prisijungim*|aplank*|dokumentacij*|šaltin*|kopij*|slaptažod*|archyv*|šablon*|ataskait*|paskyr*|duomen*',
        'perduosiu|perduodu|perdavim*|perleisiu|įkelsiu|įkėliau|persiųsiu|atsiųsiu',
        'naujam|naujajam ~2 specialist*|dizaineri*|programuotoj*|buhalteri*|vykdytoj*',
      ],
    },
  ],
  thanks: [{ id: 'thanks', match: ['ačiū|dėkoju|dėkui|dėkoj*|dėking*|padėka|padėkos|padėką|padėkoti'], unless: ['ačiū už nieką'] }],
};
