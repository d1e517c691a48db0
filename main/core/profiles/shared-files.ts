/**
 * Edits the AWS shared config and credentials files the way `aws configure set` does, as pure text
 * transformations: only the lines of the one profile being written change; every other profile,
 * comment, blank line, line ending (CRLF files stay CRLF) and byte is kept as it was. Callers read
 * and write the files as latin1, so every byte — whatever its encoding — round-trips unchanged.
 *
 * The format follows the AWS CLI/SDK INI dialect: `[name]` sections in the credentials file,
 * `[profile name]` (and `[default]`) in the config file, `key = value` lines, `#`/`;` comments, and
 * indented lines that are sub-settings of the key above them (`s3 =` then `  max_concurrent_requests = 10`).
 */

/** Which shared file a profile section lives in. */
export type SharedFileKind = 'credentials' | 'config';

/** One line of a file: its text without the line break, and the line break itself ('' on the last line). */
interface Line {
  text: string;
  eol: string;
}

const BOM = /^(\uFEFF|\u00EF\u00BB\u00BF)/;
const HEADER = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?$/;
const KEY = /^([^\s=#;[][^=]*?)\s*=/;

function splitLines(text: string): Line[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/).map((piece) => {
    const eol = /\r\n$/.test(piece) ? '\r\n' : piece.endsWith('\n') ? '\n' : '';
    return { text: piece.slice(0, piece.length - eol.length), eol };
  });
}

/** The line break a file uses: the first one it has, else "\n". */
function lineBreakOf(text: string): string {
  const first = /\r?\n/.exec(text);
  return first ? first[0] : '\n';
}

/** The section name of a header line (BOM-tolerant on the first line), or null for other lines. */
function headerName(line: string, index: number): string | null {
  const m = HEADER.exec(index === 0 ? line.replace(BOM, '') : line);
  return m ? m[1]! : null;
}

/** True when a section header names `profile` in a file of this kind. */
function isProfileSection(sectionName: string, kind: SharedFileKind, profile: string): boolean {
  if (kind === 'credentials') return sectionName === profile;
  const prefixed = /^profile\s+(.+)$/.exec(sectionName);
  if (prefixed) return prefixed[1] === profile;
  return profile === 'default' && sectionName === 'default';
}

/** The header Onramp writes for a new profile section. */
export function sectionHeader(kind: SharedFileKind, profile: string): string {
  return kind === 'config' && profile !== 'default' ? `[profile ${profile}]` : `[${profile}]`;
}

/** Line ranges [header, end) of every section of `profile`, in file order. */
function sectionsOf(lines: Line[], kind: SharedFileKind, profile: string): { header: number; end: number }[] {
  const found: { header: number; end: number }[] = [];
  let open: { header: number; end: number } | null = null;
  lines.forEach((line, i) => {
    const name = headerName(line.text, i);
    if (name === null) return;
    if (open) {
      open.end = i;
      open = null;
    }
    if (isProfileSection(name, kind, profile)) {
      open = { header: i, end: lines.length };
      found.push(open);
    }
  });
  return found;
}

/** True when the file text has a section for `profile`. */
export function hasProfile(text: string, kind: SharedFileKind, profile: string): boolean {
  return sectionsOf(splitLines(text), kind, profile).length > 0;
}

/** The key of a top-level `key = value` line, or null (comments, blanks, indented sub-settings). */
function keyOf(line: string): string | null {
  const m = KEY.exec(line);
  return m ? m[1]!.trim() : null;
}

/** Indices of a top-level key line and the indented sub-setting lines under it. */
function keyLines(lines: Line[], from: number, to: number, key: string): number[][] {
  const out: number[][] = [];
  for (let i = from; i < to; i++) {
    if (keyOf(lines[i]!.text) !== key) continue;
    const group = [i];
    while (i + 1 < to && /^\s+\S/.test(lines[i + 1]!.text) && headerName(lines[i + 1]!.text, i + 1) === null) group.push(++i);
    out.push(group);
  }
  return out;
}

function assertSafe(label: string, value: string): void {
  // A line break or bracket would let a value start a new line or section: never written.
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\u0000]/.test(value) || (label === 'profile' && /[[\]]/.test(value))) {
    throw new Error(`Refusing to write a ${label} containing a line break or bracket.`);
  }
}

/**
 * Set keys of one profile: `values` maps each key to its new value, or to null to remove it. An
 * existing section is edited in place (its other keys and comments kept; a key repeated in a later
 * duplicate section is removed there, so the new value wins for every reader); otherwise a new
 * section is appended after a blank line. Everything else in the text is returned unchanged.
 */
export function setProfileKeys(text: string, kind: SharedFileKind, profile: string, values: Record<string, string | null>): string {
  assertSafe('profile', profile);
  for (const [key, value] of Object.entries(values)) {
    assertSafe('key', key);
    if (value !== null) assertSafe('value', value);
  }
  const eol = lineBreakOf(text);
  const lines = splitLines(text);
  const sections = sectionsOf(lines, kind, profile);
  const toSet = Object.entries(values).filter((e): e is [string, string] => e[1] !== null);

  if (sections.length === 0) {
    if (toSet.length === 0) return text;
    let prefix = text;
    if (prefix !== '' && !prefix.endsWith('\n')) prefix += eol;
    // A blank line before the new section, unless the file is empty or already ends with one.
    const last = lines.at(-1)?.text ?? '';
    const separator = prefix === '' || /^\s*$/.test(last) ? '' : eol;
    const block = [sectionHeader(kind, profile), ...toSet.map(([k, v]) => `${k} = ${v}`)].map((l) => l + eol).join('');
    return prefix + separator + block;
  }

  // Replacement text per line index (null removes the line), and lines to insert after an index.
  const replaced = new Map<number, string | null>();
  const inserts = new Map<number, string[]>();
  const [first, ...later] = sections as [{ header: number; end: number }, ...{ header: number; end: number }[]];
  for (const [key, value] of Object.entries(values)) {
    const groups = keyLines(lines, first.header + 1, first.end, key);
    if (value === null) {
      for (const group of groups) for (const i of group) replaced.set(i, null);
    } else if (groups.length > 0) {
      const [head, ...rest] = groups as [number[], ...number[][]];
      replaced.set(head[0]!, `${key} = ${value}`);
      for (const i of head.slice(1)) replaced.set(i, null);
      for (const group of rest) for (const i of group) replaced.set(i, null);
    } else {
      // After the section's last line that is neither blank nor a comment (or its header).
      let at = first.header;
      for (let i = first.header + 1; i < first.end; i++) {
        if (/^\s*$/.test(lines[i]!.text) || /^\s*[#;]/.test(lines[i]!.text)) continue;
        at = i;
      }
      inserts.set(at, [...(inserts.get(at) ?? []), `${key} = ${value}`]);
    }
    for (const section of later) {
      for (const group of keyLines(lines, section.header + 1, section.end, key)) for (const i of group) replaced.set(i, null);
    }
  }

  let out = '';
  lines.forEach((line, i) => {
    const replacement = replaced.get(i);
    if (replacement === undefined) out += line.text + line.eol;
    else if (replacement !== null) out += replacement + line.eol;
    const added = inserts.get(i);
    if (added) {
      // The line we insert after may be the file's last, without a line break.
      if (line.eol === '' && replacement !== null) out += eol;
      out += added.map((l) => l + eol).join('');
    }
  });
  return out;
}
