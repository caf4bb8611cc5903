// State secrets must never be stored (Art. 4.6): text bearing a secrecy classification mark is
// refused before anything is saved. Marks are the stamps "MẬT", "TỐI MẬT", "TUYỆT MẬT" (upper
// case, as stamped on documents) and "Độ mật: …" lines — not the ordinary word "mật" ("bí mật"
// in a sentence about a secret recipe, "mật ong", an all-caps headline "CÔNG THỨC BÍ MẬT").

const LEVEL = '(?:TUYỆT\\s+MẬT|TỐI\\s+MẬT|MẬT)';
const PATTERNS: RegExp[] = [
  // "TỐI MẬT", "TUYỆT MẬT" in capitals anywhere: never ordinary prose
  /(?<![\p{Lu}\p{Ll}])(?:TỐI|TUYỆT)\s+MẬT(?![\p{Lu}\p{Ll}])/u,
  // a stamp on its own line, possibly boxed: "MẬT", "[MẬT]", "(TỐI MẬT)", "** MẬT **"
  new RegExp(`^[\\s\\[\\](){}*\\-–—_"'“”|]*${LEVEL}[\\s\\[\\](){}*\\-–—_"'“”|.]*$`, 'mu'),
  // "Độ mật: Mật" / "ĐỘ MẬT: TỐI MẬT"
  /(?<![\p{L}])độ\s+mật\s*[:：]\s*(?:tuyệt\s+mật|tối\s+mật|mật)(?![\p{L}])/iu,
  // a bracketed stamp inside a line: "[MẬT]", "(MẬT)", «MẬT»
  new RegExp(`[\\[(«<]\\s*${LEVEL}\\s*[\\])»>]`, 'u'),
];

export interface SecrecyHit {
  mark: string;
}

/** The first secrecy mark in the text, or null. Text is NFC-normalised first. */
export function findSecrecyMark(text: string): SecrecyHit | null {
  const s = text.normalize('NFC');
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) return { mark: m[0].trim().slice(0, 40) };
  }
  return null;
}
