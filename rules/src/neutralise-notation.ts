// Opening brackets that could start a ChatWork tag: `[` then an optional `/` and a letter, as in
// `[To:1]`, `[toall]`, `[/info]`, `[hr]`. Replacing that `[` with a full-width bracket keeps the
// text readable while making sure a field value can never open, close or add a tag.
const TAG_START = /\[(?=\/?[A-Za-z])/g;

export function neutraliseNotation(value: string): string {
  return value.replace(TAG_START, '［');
}
