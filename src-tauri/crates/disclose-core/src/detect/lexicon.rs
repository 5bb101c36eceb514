//! The word lists the name recogniser consults: given names, surnames,
//! names that are also ordinary words and surnames that are words ("Marsh",
//! "Fields") (text files next to this module, partly from the US Census 1990
//! name files and from other countries' names in @faker-js/faker: see their
//! headers), the English word list of the leak check,
//! titles, street and organisation words, UK towns, context cues (before a name and,
//! for relations and roles, after it) and common English words that are
//! capitalised at the start of a sentence or in headings.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: a fast hash for the short words looked up for every word of
/// every text (the lists are ours, so no one chooses colliding keys).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

static GIVEN: LazyLock<WordSet> = LazyLock::new(|| words(include_str!("given_names.txt")));
static TOWNS: LazyLock<WordSet> = LazyLock::new(|| words(include_str!("towns.txt")));
/// Given names of other countries (`world_names.mjs`); some are surnames
/// of the lists here ("Aziz", "Hassan").
static GIVEN_ABROAD: LazyLock<WordSet> =
    LazyLock::new(|| words(include_str!("world_given_names.txt")));
static SURNAMES: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = words(include_str!("surnames.txt"));
    set.extend(words(include_str!("world_surnames.txt")));
    set
});
static AMBIGUOUS: LazyLock<WordSet> = LazyLock::new(|| words(include_str!("ambiguous_words.txt")));
static WORD_SURNAMES: LazyLock<WordSet> =
    LazyLock::new(|| words(include_str!("word_surnames.txt")));
static COMMON: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = words(COMMON_WORDS);
    set.extend(MONTHS_AND_DAYS.split_whitespace());
    set.extend(STREET_WORDS.split_whitespace());
    set.extend(ORG_WORDS.split_whitespace());
    set.extend(TITLES.iter().copied());
    set
});
static MONTHS: LazyLock<WordSet> = LazyLock::new(|| words(MONTHS_AND_DAYS));
static STRONG_STREETS: LazyLock<WordSet> = LazyLock::new(|| words(STRONG_STREET_WORDS));
static STREETS: LazyLock<WordSet> = LazyLock::new(|| words(STREET_WORDS));
static ORGS: LazyLock<WordSet> = LazyLock::new(|| words(ORG_WORDS));

fn words(list: &'static str) -> WordSet {
    list.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Titles, lower case, without a full stop: the one list, kept with the
/// other written forms in `crate::variants`.
pub use crate::variants::TITLES;

/// Words that end a street name: "Victoria Road", "Mill Lane".
pub const STREET_WORDS: &str = "road rd street st avenue ave close lane court house estate drive \
    way place crescent gardens terrace grove walk park square mews row view rise parade tower \
    towers green hill vale fold brow croft meadow meadows wharf quay yard gate heights mount \
    boulevard circus hall centre center school academy college hospital surgery station library \
    church chapel valley bridge field fields wood farm lodge cottages court's pkwy parkway \
    hwy highway fwy freeway blvd bldg";

/// Words that follow a name in the name of an organisation.
pub const ORG_WORDS: &str = "ltd limited plc llp inc co company bank building society housing \
    association council homes services service group trust partnership partners solicitors \
    builders plumbing electrical electrics construction estates agency foundation centre club \
    team department dept police fire ambulance nhs university cic charity properties lettings \
    sons brothers motors garage pharmacy dental practice clinic medical care insurance \
    energy water gas power football united city county borough advice corp \
    corporation llc holdings international industries systems technologies solutions capital \
    finance financial packaging paper pulp oil marketing trading resources production products \
    manufacturing logistics transport airways airlines foods press media news fund appraisers \
    announcements announcement communications communication relations office chairman desk \
    notification notifications migration helpdesk mailbox primary nursery infants juniors \
    residents tenants pub inn hotel restaurant cafe salon shop stores supermarket lounge \
    co-operative cooperative co-op haulage joinery roofing scaffolding plastering glazing \
    removals decorating landscaping drainage locksmiths heating management hub surveying \
    surveyors vets lets fellowship research constabulary advocacy newsagents newsagent fuels \
    installs couriers recycling consulting consultants consultancy architects \
    languages steel arms airport";

/// Firms named after people, as two words (lower case): "Morgan Stanley",
/// "Ernst & Young", "Rand-Whitney". Neither word is a name there.
const FIRMS: &str = "morgan:stanley johns:manville jackson:national james:hardie dean:witter \
    smith:barney merrill:lynch goldman:sachs lehman:brothers arthur:andersen ernst:young \
    price:waterhouse charles:schwab bear:stearns wells:fargo marks:spencer john:lewis \
    rand:whitney lin:pac procter:gamble proctor:gamble johnson:johnson dow:jones \
    kimberly:clark baker:botts vinson:elkins deloitte:touche coopers:lybrand \
    morgan:lewis fulbright:jaworski bank:america worcester:bosch walker:morris vent:axia \
    toynbee:hall evelina:london smart:parking";

static FIRM_PAIRS: LazyLock<WordSet> = LazyLock::new(|| words(FIRMS));
static FIRM_FIRSTS: LazyLock<WordSet> = LazyLock::new(|| {
    FIRMS
        .split_whitespace()
        .filter_map(|p| p.split(':').next())
        .collect()
});

/// Whether `first` then `second` name a firm named after people.
pub fn is_firm(first: &str, second: &str) -> bool {
    with_lower(first, |a| {
        FIRM_FIRSTS.contains(a) && {
            let pair = format!("{a}:{}", second.to_lowercase());
            FIRM_PAIRS.contains(pair.as_str())
        }
    })
}

/// Words just before a name that say a person follows: "my neighbour Sam",
/// "the witness, Sam Jones", "Dear Sam", "Signed: Sam Jones", "Person
/// reported: KEELEY", "a girl called Tayla", "a man I know as Smiler", "his
/// brother-in-law Yonas", "house-mate Abdelrahman Osman" (words of one cue
/// joined by "_").
pub const CUES: &str = "neighbour neighbours son daughter partner husband wife child brother \
    children kids sons daughters grandchildren grandkids brothers sisters sister mother mum father dad friend witness lodger carer tenant resident visitor boyfriend \
    girlfriend grandson granddaughter nephew niece cousin uncle aunt dear hi hello signed name baby \
    named household complainant occupant applicant reporter ex perpetrator perpetrators \
    alleged victim suspect offender aggressor witnesses fella bloke missus hubby \
    person_reported reported_person subject_of_complaint boy_called girl_called lad_called \
    man_called woman_called bloke_called kid_called someone_called fella_called lad_known_as \
    man_known_as woman_known_as boy_known_as girl_known_as bloke_known_as kid_known_as \
    someone_known_as fella_known_as i_know_as i_knew_as we_know_as we_knew_as judge hhj \
    pastor pasteur imam rabbi vicar reverend housemate house-mate flatmate flat-mate \
    brother-in-law sister-in-law mother-in-law father-in-law son-in-law daughter-in-law \
    completed_by checked_by prepared_by exported_by closed_by updated_by created_by amended_by \
    compiled_by typed_by uploaded_by reviewed_by approved_by authorised_by \
    note_taker minute_taker notetaker interviewer";

/// Words after a name, behind a dash, comma or bracket, that say a person
/// came before: a household list ("Kieran Moss - son - DOB ...") or a
/// professional's role ("Derek Pryce (Police Community Support Officer)").
/// A role of two words is joined by "_": "social_worker", never "social"
/// alone ("Local Authorities, Social Services" names no one).
pub const RELATIONS_AND_ROLES: &str = "son daughter partner husband wife child brother sister \
    mother mum father dad stepson stepdaughter stepfather stepmother grandson granddaughter \
    grandmother grandfather nan grandad nephew niece cousin uncle aunt lodger carer tenant \
    occupant resident neighbour witness perpetrator complainant victim friend boyfriend \
    girlfriend fiance fiancee ex pcso pc police officer constable sergeant inspector detective \
    social_worker health_visitor gp doctor dr nurse midwife paramedic solicitor barrister \
    councillor cllr mp caseworker housing_officer housing_manager manager surveyor contractor \
    plumber electrician engineer operative support_worker key_worker worker teacher \
    headteacher head_teacher advocate interpreter landlord agent warden caretaker concierge \
    visitor community_support_officer";

/// Nationalities, languages and countries ("English Data Protection laws",
/// "moved to Brazil", "Language: Tigrinya"; not those that are also given names, "Jordan",
/// "India", "Georgia"), and
/// rivers that end town names ("Stoke on Trent").
const NATIONALITY_WORDS: &str = "english british scottish welsh irish cornish french german \
    polish italian spanish portuguese romanian bulgarian lithuanian latvian estonian czech slovak \
    hungarian ukrainian russian turkish kurdish greek dutch swedish norwegian danish finnish \
    european african asian american caribbean jamaican chinese japanese korean indian \
    pakistani bangladeshi somali nigerian ghanaian arab arabic urdu punjabi bengali gujarati \
    hindi tamil mandarin cantonese thai filipino vietnamese brazilian mexican canadian \
    australian iranian iraqi afghan syrian eritrean sudanese ethiopian kenyan zimbabwean \
    egyptian moroccan albanian serbian croatian brazil america england scotland wales \
    ireland france germany italy spain portugal poland romania mexico canada australia japan \
    china pakistan bangladesh nigeria ghana somalia ukraine russia greece iran iraq \
    afghanistan syria tigrinya amharic oromo sorani kurmanji dari pashto farsi persian sylheti \
    mirpuri pahari swahili yoruba igbo hausa twi akan shona ndebele lingala tagalog malay nepali \
    sinhala sinhalese malayalam telugu marathi romani congolese angolan cameroonian gambian \
    senegalese libyan yemeni palestinian lebanese tunisian algerian malaysian indonesian \
    burmese chechen bosnian kosovan macedonian slovenian belarusian moldovan armenian";
const RIVER_WORDS: &str = "trent tyne avon tees wear severn wye thames dee ouse tweed tame \
    mersey medway humber lune";

static NATIONALITIES: LazyLock<WordSet> = LazyLock::new(|| words(NATIONALITY_WORDS));
static RIVERS: LazyLock<WordSet> = LazyLock::new(|| words(RIVER_WORDS));

/// Last words of job titles and trades: "Liaison Officer", "Data
/// Champion", "Plasterer".
pub const JOB_WORDS: &str = "officer officers manager managers advisor adviser advisors advisers \
    worker workers coordinator co-ordinator lead champion champions assistant director \
    administrator consultant specialist supervisor controller caseworker caseworkers accountant \
    plasterer plasterers joiner joiners roofer glazier decorator labourer scaffolder \
    bricklayer handyman locksmith receptionist interpreter interp translator leader leaders \
    paramedic paramedics engineer engineers electrician electricians plumber \
    plumbers caretaker caretakers cleaner cleaners";

static JOBS: LazyLock<WordSet> = LazyLock::new(|| words(JOB_WORDS));

static CUE_WORDS: LazyLock<WordSet> = LazyLock::new(|| words(CUES));

/// Form labels that name a person only with a colon after them: "Contact:
/// SUE", "Reported by: Kev Dunn", "Officer: Colin Street" (words of one
/// label joined by "_"). "contact Enron" names no one.
pub const LABELS: &str = "contact officer caller reported_by logged_by completed_by \
    referred_by raised_by recorded_by taken_by attended_by visited_by witnessed_by \
    interviewed_by assessed_by author referrer attendee attendees surname forename forenames \
    first_name first_names family_name last_name translator interpreter cover responder";

/// Job titles just before a name, with one space or a colon: "Operative A Quinlan",
/// "(worker: Olamide Ojo)", "Night responder Ieuan".
pub const ROLE_CUES: &str = "officer surveyor contractor plumber electrician caseworker \
    operative colleague spoke met worker apprentice concierge handyperson responder leader \
    supervisor analyst adjuster assessor coordinator co-ordinator facilitator technician \
    caretaker cleaner gardener foreman";

/// Months, days and the holidays a diary dates things by ("since Christmas");
/// the Welsh months and days that are no one's name too ("23 Hydref 2023",
/// "Dydd Gwener").
pub const MONTHS_AND_DAYS: &str = "january february march april may june july august september \
    october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday \
    wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun \
    christmas xmas easter whitsun mondays tuesdays wednesdays thursdays fridays saturdays \
    sundays weekend weekends ionawr chwefror ebrill mehefin gorffennaf awst hydref tachwedd \
    rhagfyr dydd gwener sadwrn mercher";

/// Lower-case English words that turn up capitalised in housing records.
const COMMON_WORDS: &str = "
a an the this that these those it its he she they them we us you your yours i me my mine our his
her hers their on in at to from for with by of and or but if when then after before today yesterday
tomorrow please dear annwyl hi hello thanks thank regards kind best yours sincerely faithfully re fw fwd
subject note notes case tenant tenants tenancy officer officers repair repairs job ref reference rent
arrears account complaint complaints noise report reported called visited spoke said advised attended
contact contacted neighbour neighbours witness date time address phone tel mobile email dob ni nhs
sort code number flat update action actions outcome summary background follow up letter warning notice
visit inspection damp mould leak boiler heating kitchen bathroom bedroom window windows door roof
antisocial anti social behaviour asb incident log entry status open closed new next last first second
third final all any no yes not also as so following further again still however although because
while since during about regarding per via cc bcc sent received attached attachment see below above
phoned emailed wrote rang agreed arranged booked cancelled completed raised logged escalated referred
name joint household member members landlord there here what who why how where which was were is are
be been being has have had do does did will would can could should shall must may might several some
many much more most less other another each every both either neither one two three four five six
seven eight nine ten dog dogs car cars van music party parties shouting banging smoke smell rubbish
waste bins bin fly tipping fence garden gardens tree hedge parking vehicle reg registration blue red
black white silver grey green dark light large small old young he'd she'd they'd total balance payment
payments paid due owed owing direct debit standing order universal credit benefit benefits housing
statement week weeks month months year years day days morning afternoon evening night tonight
apologies sorry unfortunately confirm confirmed request requested requests information details data
access subject rights right response respond responded reply replied team customer customers
services service manager director head support safeguarding risk assessment concern concerns
priority urgent routine emergency works order invoice engineer operative contractor surveyor
description comments comment notes note summary signed staff internal external copy copies draft
dates meeting appointment attendance absent present proposed next steps plan agreed review ok okay
hope hopefully well good bad poor fine great issue issues problem problems matter matters still yet
only just even ever never always often sometimes usually again once twice around near opposite
behind outside inside upstairs downstairs next door above below block estate area local community
police council pcso gmp ward court hearing possession eviction injunction order breach clause section
mould condensation plaster ceiling wall walls floor stairs lift hallway communal entrance
sent tel mob fax web www cordially ask asked tell told call give gave take took let make made
saw met meet chase check inform informed remind reminded thank send forward forwarded ring email
write attach find found keep kept leave left bring brought get got go went come came put try period periods payments anyone someone everyone nobody citizens residents resident streetlight contractor operative
rgds thx thks ladies gentlemen guys folks everybody
fella fellah bloke missus hubby lad lads mate mates m8 bf gf ex
aint dont cant wont isnt didnt doesnt wasnt werent havent hasnt couldnt wouldnt shouldnt theyre
youre thats whats innit gonna wanna gotta lol omg soo dat wen hahaha haha whomever
swyddog swyddogion tai ardal cyngor cymdeithas gwasanaethau gwasanaeth uned tîm adran cyfeiriad
enw dyddiad llythyr cartref cymru canolfan swyddfa rheolwr gofal iechyd heddlu ysgol diolch
cofion gywir ymweliad adroddiad cwyn sŵn cymydog cymdogion ymddygiad gwrthgymdeithasol cyfieithu
gyfieithu cyfeirio camau nesaf crynodeb saesneg cymraeg iaith tenantiaeth rhent atgyweirio
eich ein eu yn yr ac ar gan gyda wedi mae oedd bod fel hefyd ond nid ddim nhw hwn hon hyn
yma yna sydd fydd bydd roedd rydym rwy dwi ydy oes pan heb dros trwy rhwng erbyn gennym gennych
";

// What the lists say of a word, as bits: each word is looked up once in
// one table of every list, and the answer kept for the next questions
// about the same word (the rules ask a dozen of each).
const GIVEN_NAME: u32 = 1;
const SURNAME: u32 = 1 << 1;
const AMBIGUOUS_WORD: u32 = 1 << 2;
const WORD_SURNAME: u32 = 1 << 3;
const COMMON_WORD: u32 = 1 << 4;
const MONTH: u32 = 1 << 5;
const STRONG_STREET: u32 = 1 << 6;
const STREET: u32 = 1 << 7;
const ORG: u32 = 1 << 8;
const TITLE: u32 = 1 << 9;
const NATIONALITY: u32 = 1 << 10;
const RIVER: u32 = 1 << 11;
const JOB: u32 = 1 << 12;
const CUE: u32 = 1 << 13;
const ENGLISH: u32 = 1 << 14;
/// In the leak check's list of ordinary words (the plural rule aside).
const ORDINARY: u32 = 1 << 15;
/// A given name only in the list of other countries' names.
const ABROAD: u32 = 1 << 16;
const TOWN: u32 = 1 << 17;

/// Every listed word with the bits of the lists that hold it.
static TABLE: LazyLock<HashMap<&'static str, u32, BuildHasherDefault<Fnv>>> = LazyLock::new(|| {
    let mut table: HashMap<&'static str, u32, BuildHasherDefault<Fnv>> = HashMap::default();
    let lists: [(&WordSet, u32); 15] = [
        (&GIVEN, GIVEN_NAME),
        (&GIVEN_ABROAD, GIVEN_NAME | ABROAD),
        (&SURNAMES, SURNAME),
        (&AMBIGUOUS, AMBIGUOUS_WORD),
        (&WORD_SURNAMES, WORD_SURNAME),
        (&COMMON, COMMON_WORD),
        (&MONTHS, MONTH),
        (&STRONG_STREETS, STRONG_STREET),
        (&STREETS, STREET),
        (&ORGS, ORG),
        (&NATIONALITIES, NATIONALITY),
        (&RIVERS, RIVER),
        (&JOBS, JOB),
        (&CUE_WORDS, CUE),
        (&TOWNS, TOWN),
    ];
    for (list, bit) in lists {
        for w in list.iter() {
            *table.entry(w).or_default() |= bit;
        }
    }
    for w in TITLES {
        *table.entry(w).or_default() |= TITLE;
    }
    for w in crate::verify::ordinary::words() {
        *table.entry(w).or_default() |= ORDINARY;
    }
    table
});

/// The bits of `w` (in lower case), worked out from the lists.
fn bits_of(w: &str) -> u32 {
    let listed = |w: &str| TABLE.get(w).copied().unwrap_or(0);
    let base = listed(w);
    let mut bits = base;
    // "Jo-Anne", "Kerry-Ann": a double given name of known ones;
    // "Smith-Jones" a double-barrelled surname, not "fixed-price".
    if w.contains('-') {
        let parts = || w.split('-').map(listed);
        if w.split('-').all(|p| !p.is_empty()) && parts().all(|b| b & GIVEN_NAME != 0) {
            bits |= GIVEN_NAME;
        }
        if parts().all(|b| b & SURNAME != 0) {
            bits |= SURNAME;
        }
    }
    // An ordinary English word, or the plural of one that is no name
    // ("Authorities", not "Banks").
    let name_word = base & (GIVEN_NAME | SURNAME | WORD_SURNAME | AMBIGUOUS_WORD) != 0;
    if bits & ORDINARY != 0 || !name_word && plural_of_ordinary(w) {
        bits |= ENGLISH;
    }
    bits
}

/// The bits of a word with accents; when the lists hold it as no name and
/// it is written with a capital, the name bits of its letters without
/// their accents: "Sinéad" is the "Sinead" of the lists, "Łukasz" their
/// "Lukasz" (not a transliterated word, "mehmān").
fn accented_bits(lower: &str, capital: bool) -> u32 {
    let bits = bits_of(lower);
    if bits & (GIVEN_NAME | SURNAME) != 0 || lower.is_ascii() || !capital {
        return bits;
    }
    let plain: String = lower.chars().map(without_accent).collect();
    bits | bits_of(&plain) & (GIVEN_NAME | SURNAME)
}

/// A Latin letter without its accent; any other character as it is.
pub(super) fn without_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ă' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => 'u',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' | 'ň' => 'n',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ý' | 'ÿ' => 'y',
        'ğ' => 'g',
        'ț' | 'ţ' | 'ť' => 't',
        'ř' => 'r',
        'đ' | 'ď' => 'd',
        other => other,
    }
}

/// The words asked about last, in lower case, with their bits: a table
/// indexed by a hash of the word (512 KiB, made for each thread that
/// detects: room for the vocabulary of several long documents; at 4,096
/// slots the five privacy notices' words pushed each other out).
const MEMO_SLOTS: usize = 16384;
const MEMO_LEN: usize = 24;
type Memo = Vec<(u8, [u8; MEMO_LEN], u32)>;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> =
        std::cell::RefCell::new(vec![(0, [0; MEMO_LEN], 0); MEMO_SLOTS]);
}

/// What the lists say of one word: looked up once, asked often.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Bits(u32);

impl Bits {
    pub fn of(word: &str) -> Bits {
        Bits(bits(word))
    }
    pub fn is_nationality(self) -> bool {
        self.0 & NATIONALITY != 0
    }
    pub fn is_river(self) -> bool {
        self.0 & RIVER != 0
    }
    /// A word of [`CUES`] ("perpetrator", "witness"): what comes after it may be
    /// a name, the word itself is not.
    pub fn is_cue_word(self) -> bool {
        self.0 & CUE != 0
    }
    /// A UK city or town of one word: "Wakefield", "Durham".
    pub fn is_town(self) -> bool {
        self.0 & TOWN != 0
    }
    pub fn is_job_word(self) -> bool {
        self.0 & JOB != 0
    }
    /// A surname that is also an English word: "Marsh", "Fields".
    pub fn is_word_surname(self) -> bool {
        self.0 & WORD_SURNAME != 0
    }
    pub fn is_ambiguous(self) -> bool {
        self.0 & AMBIGUOUS_WORD != 0
    }
    pub fn is_common(self) -> bool {
        self.0 & COMMON_WORD != 0
    }
    pub fn is_title(self) -> bool {
        self.0 & TITLE != 0
    }
    pub fn is_street(self) -> bool {
        self.0 & STREET != 0
    }
    pub fn is_org(self) -> bool {
        self.0 & ORG != 0
    }
    pub fn is_month_or_day(self) -> bool {
        self.0 & MONTH != 0
    }
    pub fn is_given(self) -> bool {
        self.0 & GIVEN_NAME != 0
    }
    /// A given name of other countries, not of the lists of given names
    /// here: a surname here it may still be ("Mo Aziz").
    pub fn is_given_abroad(self) -> bool {
        self.0 & ABROAD != 0
    }
    pub fn is_surname(self) -> bool {
        self.0 & SURNAME != 0
    }
    pub fn is_english(self) -> bool {
        self.0 & ENGLISH != 0
    }
    /// A street word that is seldom the whole name of a street ("Fields",
    /// "Hill", "Wood"), so after a given name it may be a surname.
    pub fn is_soft_street(self) -> bool {
        self.0 & STREET != 0 && self.0 & STRONG_STREET == 0
    }
}

fn bits(word: &str) -> u32 {
    let n = word.len();
    if n == 0 || n > MEMO_LEN || !word.is_ascii() {
        let capital = word.starts_with(char::is_uppercase);
        return accented_bits(&word.to_lowercase(), capital);
    }
    let mut key = [0u8; MEMO_LEN];
    key[..n].copy_from_slice(word.as_bytes());
    key[..n].make_ascii_lowercase();
    let mut hash = Fnv::default();
    hash.write(&key[..n]);
    let slot = (hash.finish() as usize) % MEMO_SLOTS;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let (len, ref saved, b) = memo[slot];
        if usize::from(len) == n && saved[..n] == key[..n] {
            return b;
        }
        let b = bits_of(std::str::from_utf8(&key[..n]).unwrap_or_default());
        memo[slot] = (n as u8, key, b);
        b
    })
}

/// Calls `f` with `word` in lower case, without allocating for the short
/// ASCII words that most words are.
pub fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 40];
    if word.len() <= buf.len() && word.is_ascii() {
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        f(std::str::from_utf8(bytes).unwrap_or_default())
    } else {
        f(&word.to_lowercase())
    }
}

pub fn is_given(word: &str) -> bool {
    Bits::of(word).is_given()
}

pub fn is_surname(word: &str) -> bool {
    Bits::of(word).is_surname()
}

/// An ordinary English word (the leak check's list: no proper names), or
/// the plural of one that is no name ("Authorities", "Services"; not
/// "Banks" or "Burns").
pub fn is_english(word: &str) -> bool {
    Bits::of(word).is_english()
}

fn plural_of_ordinary(w: &str) -> bool {
    let is_ordinary = |w: &str| TABLE.get(w).is_some_and(|b| b & ORDINARY != 0);
    if w.len() < 4 || !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let stem = &w[..w.len() - 1];
    is_ordinary(stem)
        || w.strip_suffix("ies")
            .is_some_and(|s| with_y(s, is_ordinary))
        || w.strip_suffix("es").is_some_and(is_ordinary)
}

/// Calls `f` with `stem` and a "y" after it ("authorit" → "authority"),
/// without allocating for a short word.
fn with_y(stem: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let mut buf = [0u8; 40];
    if stem.len() < buf.len() {
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()] = b'y';
        std::str::from_utf8(&buf[..=stem.len()]).is_ok_and(f)
    } else {
        f(&format!("{stem}y"))
    }
}

/// Street words that name a whole street, never a person.
const STRONG_STREET_WORDS: &str = "road rd street st avenue ave close lane court drive way place \
    crescent gardens terrace grove park square mews row estate house tower towers centre center \
    school academy college hospital surgery station library church chapel boulevard";

pub fn is_ambiguous(word: &str) -> bool {
    Bits::of(word).is_ambiguous()
}

pub fn is_common(word: &str) -> bool {
    Bits::of(word).is_common()
}

pub fn is_title(word: &str) -> bool {
    Bits::of(word).is_title()
}
