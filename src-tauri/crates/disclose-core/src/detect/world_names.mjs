// Makes world_given_names.txt and world_surnames.txt beside this file from
// the person data of the npm package @faker-js/faker and of the PyPI package
// Faker (both MIT licence):
//
//   npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz
//   (the PyPI names: see world_names_pypi.py, which writes faker-pypi.json)
//   node path/to/world_names.mjs package faker-pypi.json
//
// (the folder the npm package was unpacked to, and the PyPI names; without
// the second, only the npm package's). Kept: names in the Latin script of
// the npm locales below and of every PyPI locale (each word of a name;
// accented, and without its accents), four letters or more, that no list of this folder holds
// already (a surname of its lists may be a given name here) and that are
// no English word, no word of lexicon.rs's lists (streets, organisations,
// titles, nationalities…) or of the cues and words for family of the name
// rules, and no place or word below.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const faker = resolve(process.argv[2] ?? "package");
const pypi = process.argv[3]
  ? JSON.parse(readFileSync(resolve(process.argv[3]), "utf8"))
  : { given: [], surnames: [] };
const { allFakers } = await import(
  pathToFileURL(join(faker, "dist/index.js")).href
);

const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = [
  "pl",
  "ro",
  "ro_MD",
  "tr",
  "ku_kmr_latin",
  "en_AU",
  "en_ZA",
  "en_GH",
  "en_NG",
  "yo_NG",
  "en_IN",
  "en_NP",
  "pt_PT",
  "pt_BR",
  "es",
  "it",
  "fr",
  "de",
  "cs_CZ",
  "sk",
  "lv",
  "hr",
  "sr_RS_latin",
  "sl_SI",
  "hu",
  "uz_UZ_latin",
  "az",
  "fr_SN",
  "zu_ZA",
  "af_ZA",
  "vi",
  "nl",
  "sv",
  "da",
  "nb_NO",
  "fi",
];
// Places the locales give as names: "Virginia", "Washington".
const PLACES = `alabama alaska arizona arkansas california carolina colorado connecticut
  dakota delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine
  maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
  hampshire jersey mexico york ohio oklahoma oregon pennsylvania rhode tennessee texas utah
  vermont virginia washington wisconsin wyoming houston dallas denver boston chicago london
  paris berlin madrid rome roma milan milano vienna wien prague warsaw dublin london
  africa america asia europe australia santa sant santo sao saint`;

// Other languages' titles and words for family, and words the English
// list spells otherwise: "pani" (Mrs), "nonna", "honor", "theres".
const WORDS = `pani pana panna panie senhor senhora senor senora signor signora signore herr
  frau madame monsieur mademoiselle doamna domnul hanim nonna nonno babcia baba nene dada
  honor rota theres sayin`;

const words = (text) =>
  text
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("#"))
    .flatMap((l) => l.split(/\s+/))
    .filter(Boolean);
const list = (file) => words(readFileSync(join(here, file), "utf8"));
// Every word of the string lists (in lower case) of lexicon.rs and of the
// name rules' cues and words for family; not the examples of comments.
const lexicon = ["lexicon.rs", "names/context.rs", "names/cues.rs"]
  .flatMap(
    (file) => readFileSync(join(here, file), "utf8").match(/"[^"]*"/g) ?? [],
  )
  .filter((s) => !/\p{Lu}/u.test(s));
// A surname of the lists may be given names here ("Hassan", "Farah").
const surnamesListed = new Set(list("surnames.txt"));
const taken = new Set([
  ...list("given_names.txt"),
  ...list("ambiguous_words.txt"),
  ...list("word_surnames.txt"),
  ...words(readFileSync(join(here, "../verify/english_words.txt"), "utf8")),
  ...lexicon.flatMap((s) => s.slice(1, -1).split(/[\s:\\]+/)),
  ...words(PLACES),
  ...words(WORDS),
]);

const fold = (w) =>
  w
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/đ/g, "d");
const latin = (w) =>
  /^[\p{Script=Latin}]+(?:['-][\p{Script=Latin}]+)*$/u.test(w);
const forms = (name) =>
  name
    .toLowerCase()
    .split(/\s+/)
    .flatMap((w) => [w, fold(w)])
    .filter((w) => latin(w) && [...w].length >= 4 && !taken.has(w));

const all = (v) =>
  Array.isArray(v)
    ? v
    : v && typeof v === "object"
      ? Object.values(v).flatMap(all)
      : [];
const given = new Set();
const surnames = new Set();
for (const locale of LOCALES) {
  const person = allFakers[locale].rawDefinitions.person;
  all(person.first_name)
    .flatMap(forms)
    .forEach((w) => given.add(w));
  all(person.last_name)
    .flatMap(forms)
    .forEach((w) => surnames.add(w));
}
pypi.given.flatMap(forms).forEach((w) => given.add(w));
pypi.surnames.flatMap(forms).forEach((w) => surnames.add(w));
for (const w of [...given, ...surnamesListed]) surnames.delete(w);

const header = (what) =>
  `# ${what} of other countries, lower case, one a line (and each without its\n` +
  "# accents), from the person data of the npm package @faker-js/faker 10.6.0\n" +
  "# and of the PyPI package Faker 40.63.0 (both MIT licence). Made by\n" +
  "# world_names.mjs; see its header.\n";
const sorted = (set) => [...set].sort().join("\n") + "\n";
writeFileSync(
  join(here, "world_given_names.txt"),
  header("Given names") + sorted(given),
);
writeFileSync(
  join(here, "world_surnames.txt"),
  header("Surnames") + sorted(surnames),
);
console.log(`${given.size} given names, ${surnames.size} surnames`);
