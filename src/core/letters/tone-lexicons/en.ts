/**
 * English tone lexicon. Pattern syntax: see tone-lexicon.ts (`a|b` chooses one word; a phrase
 * with other words is its own entry). Apostrophes match as typed (’ is folded to ').
 */
import type { ToneLexiconSpec } from '../tone-lexicon.js';

/** Words that judge a person rather than describe an event. */
const TRAIT =
  'disorganised|disorganized|chaotic|rude|arrogant|incompetent|unprofessional|lazy|impossible|unreasonable|irresponsible|disrespectful|toxic|selfish|clueless|hopeless|useless|careless|dishonest|difficult|entitled|manipulative|ungrateful|abusive|incapable|indecisive|unbearable|insufferable|petty|greedy|stingy|disorganised';
/** Conduct named as a fault in itself ("your indecision"), and words that make any conduct one ("your constant ..."). */
const FAULT =
  'delay|delays|indecision|mistakes|errors|interference|micromanagement|chaos|confusion|silence|negligence|carelessness|inaction|failures|disorganisation|disorganization|slowness|unreliability|u-turns|reversals|disregard';
const INTENSIFIER =
  'constant|endless|never-ending|repeated|continual|continuous|frequent|persistent|incessant|last-minute|contradictory|conflicting|unrealistic|chaotic|late';
/** Problems that someone's "side" can be made to carry ("the delays were on your side"). */
const PROBLEM = 'delay*|late|mistake*|error*|problem*|fault*|issue*|hold-up*|failure*|responsibility|blame|missed';
/** Exaggerated praise that, said of the client, is meant the other way round. */
const PRAISE = 'great|nice|fantastic|brilliant|excellent|amazing|stellar|superb|wonderful|impressive|outstanding';
/** What the sarcasm is about: a minimised fault, or what the client did instead of the work (one pattern each). */
const COMPLAINT = [
  // not "miss", "never" or "late" alone: "great work, I will miss it", "great work, never late" are sincere
  'ignor*|ignored|missed|forgot',
  'without ~2 reading|checking|telling|asking|warning|notice',
  'yet again',
  'only ~3 days|weeks|months|hours',
];
/** What a client contributes, named in scare quotes when it is mocked ("your 'feedback'"). */
const MOCKED =
  'feedback|help|input|suggestion|suggestions|idea|ideas|improvement|improvements|tweak|tweaks|fix|fixes|brief|budget|deadline|deadlines|strategy|vision|process|plan|planning|management|payment|payments|advice|expertise|priority|priorities|guidance|direction|comments|corrections|revisions|changes|updates|approval|urgent|emergency|asap|professional|professionalism|partnership|cooperation|collaboration|team|research|decision|decisions|schedule|system|organisation|organization|reasons|communication';
const MOCKED_SIZE_ALONE = 'final|small|quick|minor|simple|tiny|little|last|last-minute|agreed';
const MOCKED_SIZE = 'small|quick|minor|tiny|simple|little|final|urgent|last|last-minute';
const MOCKED_REQUEST =
  'change|changes|tweak|tweaks|fix|fixes|edit|edits|request|requests|task|tasks|favour|favor|job|thing|things|update|updates|revision|revisions|correction|corrections';
const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const COUNT = 'one|two|three|four|five|six|#num';

export const en: ToneLexiconSpec = {
  blame: [
    { id: 'you-are-trait', match: [`you are|were ~2 ${TRAIT}`, `you're|you've ~2 ${TRAIT}`, `with you ~2 ${TRAIT}`] },
    { id: 'such-a-person', match: [`such ~2 ${TRAIT} ~1 person|client|people|man|woman`, 'people|someone like you'] },
    {
      id: 'you-never-always',
      match: [
        'you never|always|constantly ~1 know|listen|pay|respect|read|answer|decide|plan|care|blame|change',
        "you don't|can't|cannot|couldn't|didn't ~1 know|listen|plan|respect|decide|organise|organize|communicate|manage|care",
        'you have no idea',
        'you ~2 ignore|ignored|blame|blamed|refuse|refused|interrupt|micromanage*',
        'your ~1 constant|inability|incompetence|micromanagement|refusal|failure',
        'do|did you even',
      ],
    },
    {
      id: 'your-fault',
      match: [
        'your fault',
        'because of you',
        `your ~1 ${TRAIT}|poor|bad|terrible|awful ~1 management|planning|organisation|organization|attitude|behaviour|behavior|decisions|leadership`,
      ],
    },
    { id: 'problem-is-you', match: ['the problem is you', 'you are the problem', 'you should ~2 learn|rethink how'] },
    {
      // the fault named as the cause, without a verb of blame ("because of your constant changes")
      id: 'because-of-your',
      match: [
        `because of ~1 your|you ~2 ${FAULT}|${INTENSIFIER}`,
        `due|owing to ~1 your|you ~2 ${FAULT}|${INTENSIFIER}`,
        `as a result of ~1 your ~2 ${FAULT}|${INTENSIFIER}`,
        'caused by ~1 you|your',
      ],
    },
    {
      // a problem placed on the client's side ("the delays were on your side")
      id: 'your-side',
      match: ['on|from your ~1 side|end', 'lay|lies|lie|rests|rested ~2 with you|your'],
      with: [PROBLEM],
      unless: ['if|should|any|please', 'let me know'],
    },
    {
      id: 'mess',
      match: [
        'the way you ~4 mess|disaster|chaos|shambles|joke',
        'nobody|no one ~3 your ~1 side|team|company ~2 ever',
        'wasted ~2 my time',
      ],
    },
  ],
  reproach: [
    {
      // a rhetorical question; asked with "if" it is a polite request
      id: 'too-much-to-ask',
      match: ['too much to ask'],
      unless: ['if|not'],
    },
    {
      id: 'expected-better',
      match: [
        'expected|expect|hoped ~2 better|more ~1 from|of ~1 you|your*',
        'expected|hoped ~1 better',
        'the least you could',
        'disappointed ~2 in|by|with ~1 you|your',
        'you ~2 let me down',
      ],
    },
    {
      // "I had hoped you would at least ...": what the client should have done, said as a hope
      id: 'at-least',
      match: ['hoped|expected|thought|assumed ~6 at ~2 least', 'would have expected|hoped', 'could|might ~1 have ~1 at least'],
      with: ['you|your'],
    },
    {
      // the same hope for what the other side should have done, without naming them ("I had hoped that at least the dates would hold")
      id: 'hoped-that-at-least',
      match: ['hoped|expected|thought ~1 that ~6 at ~2 least'],
      unless: ['i|we ~1 could|would|will|can|might', "i'd|i'll|we'd|we'll"],
    },
  ],
  emotional: [
    {
      id: 'insult',
      match: [
        'idiot*|stupid|moron*|garbage|trash|pathetic|ridiculous|clown*|jerk|joke|miserable|nightmare',
        'treat ~4 like dirt|garbage|trash',
      ],
      unless: ['joke ~2 aside'],
    },
    {
      id: 'outburst',
      match: [
        "i'm done",
        'i am done',
        "i've|i had|have had enough",
        'fed up',
        'sick of',
        'sick and tired',
        'enough is enough',
        'last straw',
      ],
    },
    {
      id: 'sarcasm',
      match: [
        'good luck finding',
        'good luck with that',
        'yeah right',
        'oh sure',
        'of course ~4 right',
        'thanks for nothing',
        "i'm|am amazed|surprised ~2 anyone",
        'must be nice',
        'what a surprise',
        'what a fantastic|great|wonderful|brilliant|lovely ~2 way',
        "i'm|am speechless",
        'just great|perfect|wonderful|brilliant',
        'congratulations on',
        "who'll ~1 tolerate|stand",
        'who will|would|could ~1 tolerate|stand',
        'your ~1 so-called',
      ],
    },
    {
      // thanks for a fault minimised or finally mended ("thanks for paying only three months late")
      id: 'sarcastic-thanks',
      match: [
        `thank*|grateful ~10 only|just|barely ~1 ${COUNT}|a ~1 day|days|week|weeks|month|months ~1 late|overdue|behind|later`,
        'thank*|grateful ~4 for ~2 finally|eventually|ignoring|wasting|ghosting',
        'thank* ~4 for ~2 at last',
      ],
      unless: ['never'],
    },
    {
      // exaggerated praise of the very thing complained about ("great job reading the brief, as always")
      id: 'mock-praise',
      match: [`${PRAISE} ~1 job|work|effort|planning|communication`, 'well done'],
      with: [...COMPLAINT, 'as always|usual|ever'],
      unless: ['thank*|grateful|appreciate*'],
    },
    {
      id: 'praise-then-complaint',
      match: [
        "you're ~2 truly|really|simply|such ~2 best|genius|star|delight|joy",
        'you are|were ~2 truly|really|simply|such ~2 best|genius|star|delight|joy',
      ],
      with: COMPLAINT,
    },
  ],
  scareQuoted: [
    {
      id: 'scare-quotes',
      match: [MOCKED, MOCKED_SIZE_ALONE, `${MOCKED_SIZE} ~1 ${MOCKED_REQUEST}`],
      unless: ['marked|labelled|labeled|flagged|tagged|titled|named|called|subject|heading|section|page|tab|column|status|folder|file'],
    },
  ],
  breakupWord: [
    {
      id: 'break',
      match: [
        'take|taking|need|needs ~2 break',
        'a break from',
        'on a break',
        'break|breaking up',
        'breakup',
        'pause|paused|pausing',
        'on hold',
        'time apart',
        'part|parting ways',
        'separate ways',
      ],
    },
  ],
  wavering: [
    { id: 'maybe', match: ['maybe|perhaps'] },
    { id: 'not-sure', match: ['not ~1 sure', 'torn', 'second thoughts', "don't know if|whether", 'might be wrong', 'rushing'] },
    { id: 'for-now', match: ['for now', 'for the time being', 'temporarily'] },
    {
      id: 'reopen',
      match: [
        'try again',
        'can|could|would ~1 stay on',
        'happy to ~1 stay on',
        'one more|another ~1 shot|try|chance',
        "unless you'd|you ~1 like|prefer|want",
        'your thoughts',
        'could|can ~2 stay|continue ~3 few|another|longer|more',
        'give it ~2 another|second ~1 try|chance|go',
        'what do you think',
        'what you think',
        'rather i stay',
        'want me to stay',
        'should i stay',
        'i could stay',
        'open to discussing|reconsidering|continuing',
        'up to you',
        'you decide',
        'decide together',
        'close the door',
        'before anything is final',
        'nothing is final',
        'set in stone',
        'change my mind',
        'reconsider',
        'find ~2 arrangement',
        'a way to continue|keep',
      ],
    },
  ],
  referral: [
    {
      id: 'recommend',
      match: [
        'recommend*',
        'my|a colleague',
        'introduce you',
        'put you ~2 in touch|contact',
        'connect you',
        'vouch',
        'refer you',
        'pass on ~2 details|contact|number',
        'her|his ~1 details|contact',
      ],
    },
  ],
  reason: [
    {
      id: 'because',
      match: [
        'because|therefore|hence',
        'due|owing to',
        'as a result',
        'the reason',
        'reason is',
        'which is why',
        'which means|makes',
        "so i|i'm|i've",
        'as|since i|my',
        'since ~2 every|each|nobody|none|no',
        'on that basis',
        'under|in these|those|such ~1 conditions|circumstances',
      ],
    },
    {
      // "I cannot continue" restates the decision; it gives a reason only together with what makes it so.
      id: 'unable',
      match: ["can't|cannot|unable", 'not able', 'can no longer'],
      unless: ['continue|continuing|proceed', 'carry|go|keep on|going'],
    },
    {
      id: 'cannot',
      match: [
        "doesn't|won't ~1 work ~2 for me",
        'not|no longer ~1 sustainable|possible|viable|feasible',
        // what has not been possible on one's own side (X4): "has often not been possible"
        'not ~1 been ~1 possible|feasible|workable|sustainable',
        'impossible',
        'not my area|field|specialisation|specialization|expertise',
        'outside|beyond my',
      ],
    },
    {
      id: 'own-situation',
      match: [
        'my workload|capacity|schedule|health|family|availability',
        'no longer|not ~1 have ~2 capacity|time|bandwidth',
        'taken|taking|take on ~3 contract|project|role|job|position',
        'full-time ~1 position|job|role',
        'moving|relocating|retiring|closing',
        'winding down',
        'taking|takes|take ~3 most|all|twice ~2 time|hours|week|weeks',
        'starting|start ~2 new|full-time|job|role',
        'focus* ~2 on|exclusively',
        'accepted ~2 position|job|offer|role',
      ],
    },
    {
      id: 'what-happened',
      match: [
        'unpaid|overdue|late|outstanding',
        'not ~1 paid',
        'invoices ~4 paid|settled|due',
        'insult*|threat*|shout*|abus*|harass*',
        'scope ~3 changed|changes|creep',
        'repeatedly|regularly|constantly',
        'rejected|ignored|cancelled|canceled|missed',
        // a change in the work or the business ("has tripled", "has outgrown")
        'grown|tripled|doubled|increased|decreased|dropped|shrunk|outgrown',
        'rather than',
        'every week',
        'at night',
        'weekends|contradict*',
        'again and again',
        'after ~3 you|your',
        // the event that made it so, named ("after the exchange of 1 March"), as the other languages' lexicons do
        'after the ~1 exchange|call|meeting|message|messages|email|incident|events',
        'asked me to ~4 fake|false|illegal|unlawful',
      ],
    },
  ],
  vagueReason: [
    {
      id: 'vague',
      match: [
        'various|several|personal|certain ~1 reasons',
        'number of reasons',
        'for reasons ~2 of my own',
        'circumstances|things have changed',
        'time ~4 move on',
      ],
    },
  ],
  timeline: [
    {
      id: 'date',
      match: [
        `#num ~1 ${MONTH}`,
        `${MONTH} ~1 #num`,
        `end|beginning|start|middle ~1 of ~2 ${MONTH}|month|week|year|quarter`,
        `by|on|until|till|from|effective|starting|before|after ~2 ${WEEKDAY}|today|tomorrow`,
        `in|within|after|with ~1 ${COUNT} ~1 days|weeks|months|business`,
        `${COUNT} ~1 days|weeks|months ~1 notice`,
        'effective ~1 today|immediately|now',
        'as of ~1 today|now',
        'immediately',
        'right away',
      ],
    },
    { id: 'numeric-date', match: ['#num ~0 #num ~0 #num'] },
  ],
  consequence: [
    {
      id: 'if-repeats',
      match: [
        'if ~3 happens|repeats|continues|again',
        'next time',
        'one more',
        'any further',
        'will ~1 have|need to ~2 end|stop|terminate|review',
      ],
    },
  ],
  handoff: [
    {
      id: 'materials',
      match: [
        'files|folder|drive|dropbox|credentials|passwords|password|logins|login|access|repository|repo|documentation|archive|backup|backups|assets|templates|termbase|glossary|source|sources',
        'dashboards|queries|database|recordings|transcripts|images|photos|drawings|layouts|designs|code|keys|runbook|export|receipts|ledger|contacts|licences|licenses|inventory|deliverables',
        'attached|enclosed',
        'send|sending|deliver|return|upload|share|pass ~3 all|every|everything|complete|full',
        'your|the next|new ~1 accountant|designer|developer|writer|photographer|translator|agency|provider|supplier|freelancer|contractor',
        'style guide',
        'brand book',
        'translation memory',
        'admin|ownership',
        'hand|handing over',
        'handover|hand-over|transfer|transition',
        'brief ~2 replacement|successor|new',
        'walk ~2 through',
      ],
    },
  ],
  thanks: [
    { id: 'thanks', match: ['thank|thanks|thankful|grateful|gratitude', 'appreciate*'], unless: ['thanks for nothing', 'no thanks'] },
  ],
};
