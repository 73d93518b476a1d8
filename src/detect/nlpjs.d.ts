// Minimal typings for the @nlpjs stemmers used by src/detect (the packages ship no types).
interface NlpjsStemmer {
  setCurrent(value: string): void;
  getCurrent(): string;
  innerStem(): void;
  stemWord(word: string): string;
}
type NlpjsStemmerCtor = new () => NlpjsStemmer;

declare module '@nlpjs/lang-en' {
  const mod: { StemmerEn: NlpjsStemmerCtor };
  export default mod;
}
declare module '@nlpjs/lang-ru' {
  const mod: { StemmerRu: NlpjsStemmerCtor };
  export default mod;
}
declare module '@nlpjs/lang-ro' {
  const mod: { StemmerRo: NlpjsStemmerCtor };
  export default mod;
}
declare module '@nlpjs/lang-lt' {
  const mod: { StemmerLt: NlpjsStemmerCtor };
  export default mod;
}
