// A small XML parser and an XSD-subset validator, enough to check a JUnit report against the
// stored test/fixtures/junit-4.xsd without a native tool. It reads the schema itself (not a
// hand-written copy of its rules) and supports what that schema uses:
// - global <xs:element name type|complexType> and <xs:element ref minOccurs maxOccurs>;
// - <xs:complexType mixed> with <xs:sequence> / <xs:choice> (nested, with occurrences) and
//   <xs:attribute name type use>;
// - elements of type xs:string: text only, no child elements, no attributes.
// Anything else in the schema is refused loudly, so the checker never passes by ignoring a
// rule. The XML parser checks well-formedness: one root, balanced tags, quoted and unique
// attributes, known entity and character references, only characters XML 1.0 allows.

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The text directly inside (entity references resolved), concatenated. */
  text: string;
}

// ---------------------------------------------------------------------------------- xml

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

const nameStart = /[A-Za-z_:]/;
const nameChar = /[A-Za-z0-9_:.-]/;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export function parseXml(text: string): XmlElement {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML`);
  }
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}`);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const readName = (): string => {
    const start = at;
    if (!nameStart.test(text[at] ?? "")) fail("a name expected");
    at++;
    while (at < text.length && nameChar.test(text[at])) at++;
    return text.slice(start, at);
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (_whole, ref: string | undefined) => {
      if (ref === undefined) return fail("a bare & (escape it as &amp;)");
      if (Object.hasOwn(entities, ref)) return entities[ref];
      const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ref);
      if (numeric === null) return fail(`unknown entity &${ref};`);
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (!isXmlChar(code)) return fail(`&${ref}; names a character XML does not allow`);
      return String.fromCodePoint(code);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith("<?", at)) {
        const end = text.indexOf("?>", at);
        if (end < 0) fail("an unclosed processing instruction");
        at = end + 2;
      } else if (text.startsWith("<!--", at)) {
        const end = text.indexOf("-->", at);
        if (end < 0) fail("an unclosed comment");
        at = end + 3;
      } else return;
    }
  };
  const readElement = (): XmlElement => {
    if (text[at] !== "<") fail("an element expected");
    at++;
    const name = readName();
    const attributes = new Map<string, string>();
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith("/>", at)) {
        at += 2;
        return { name, attributes, children: [], text: "" };
      }
      if (text[at] === ">") {
        at++;
        break;
      }
      if (at === before) fail("space expected between attributes");
      const attribute = readName();
      skipSpace();
      if (text[at] !== "=") fail(`= expected after ${attribute}`);
      at++;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail("a quoted attribute value expected");
      const end = text.indexOf(quote, at + 1);
      if (end < 0) fail("an unclosed attribute value");
      const raw = text.slice(at + 1, end);
      if (raw.includes("<")) fail("< inside an attribute value");
      if (attributes.has(attribute)) fail(`attribute ${attribute} given twice`);
      attributes.set(attribute, decode(raw));
      at = end + 1;
    }
    const children: XmlElement[] = [];
    let content = "";
    for (;;) {
      if (at >= text.length) fail(`<${name}> is never closed`);
      if (text.startsWith("</", at)) {
        at += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (text[at] !== ">") fail("> expected");
        at++;
        return { name, attributes, children, text: content };
      }
      if (text.startsWith("<![CDATA[", at)) {
        const end = text.indexOf("]]>", at);
        if (end < 0) fail("an unclosed CDATA section");
        content += text.slice(at + 9, end);
        at = end + 3;
      } else if (text.startsWith("<!--", at) || text.startsWith("<?", at)) {
        skipMisc();
      } else if (text[at] === "<") {
        children.push(readElement());
      } else {
        const end = text.indexOf("<", at);
        const raw = text.slice(at, end < 0 ? text.length : end);
        if (raw.includes("]]>")) fail("]]> in text");
        content += decode(raw);
        at += raw.length;
      }
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (at !== text.length) fail("content after the root element");
  return root;
}

// ---------------------------------------------------------------------------------- xsd

type Particle =
  | { kind: "element"; ref: string; min: number; max: number }
  | { kind: "sequence" | "choice"; items: Particle[]; min: number; max: number };

interface AttributeRule {
  name: string;
  required: boolean;
}

type Declaration =
  | { kind: "string" }
  | { kind: "complex"; mixed: boolean; content?: Particle; attributes: AttributeRule[] };

export interface Schema {
  elements: Map<string, Declaration>;
}

const xs = (local: string) => `xs:${local}`;

function occurs(element: XmlElement): { min: number; max: number } {
  const min = Number(element.attributes.get("minOccurs") ?? "1");
  const rawMax = element.attributes.get("maxOccurs") ?? "1";
  return { min, max: rawMax === "unbounded" ? Number.POSITIVE_INFINITY : Number(rawMax) };
}

function unsupported(element: XmlElement, where: string): never {
  throw new Error(`the XSD subset checker does not support <${element.name}> in ${where}`);
}

export function parseXsd(text: string): Schema {
  const root = parseXml(text);
  if (root.name !== xs("schema")) throw new Error("not an XSD: the root is not xs:schema");
  const elements = new Map<string, Declaration>();
  for (const child of root.children) {
    if (child.name !== xs("element")) unsupported(child, "xs:schema");
    const name = child.attributes.get("name");
    if (name === undefined) throw new Error("a global xs:element without a name");
    const type = child.attributes.get("type");
    if (type === xs("string")) elements.set(name, { kind: "string" });
    else if (type !== undefined) throw new Error(`type ${type} is not supported`);
    else {
      const complex = child.children[0];
      if (child.children.length !== 1 || complex.name !== xs("complexType"))
        unsupported(complex ?? child, `element ${name}`);
      elements.set(name, complexType(complex));
    }
  }
  return { elements };
}

function complexType(element: XmlElement): Declaration {
  const declaration: Declaration = {
    kind: "complex",
    mixed: element.attributes.get("mixed") === "true",
    attributes: [],
  };
  for (const child of element.children) {
    if (child.name === xs("attribute")) {
      const type = child.attributes.get("type");
      if (type !== xs("string")) throw new Error(`attribute type ${type} is not supported`);
      declaration.attributes.push({
        name: child.attributes.get("name") ?? "",
        required: child.attributes.get("use") === "required",
      });
    } else if (child.name === xs("sequence") || child.name === xs("choice")) {
      if (declaration.content !== undefined) unsupported(child, "a second content model");
      declaration.content = particle(child);
    } else unsupported(child, "xs:complexType");
  }
  return declaration;
}

function particle(element: XmlElement): Particle {
  if (element.name === xs("element")) {
    const ref = element.attributes.get("ref");
    if (ref === undefined) unsupported(element, "a content model (only ref= elements)");
    return { kind: "element", ref, ...occurs(element) };
  }
  if (element.name === xs("sequence") || element.name === xs("choice")) {
    return {
      kind: element.name === xs("sequence") ? "sequence" : "choice",
      items: element.children.map(particle),
      ...occurs(element),
    };
  }
  return unsupported(element, "a content model");
}

// ----------------------------------------------------------------------------- validate

/** Every way `document` breaks `schema`, with the element's path; empty when it is valid. */
export function validateXml(schema: Schema, document: XmlElement): string[] {
  const problems: string[] = [];
  check(schema, document, `/${document.name}`, problems);
  return problems;
}

function check(schema: Schema, element: XmlElement, path: string, problems: string[]): void {
  const declaration = schema.elements.get(element.name);
  if (declaration === undefined) {
    problems.push(`${path}: no element <${element.name}> in the schema`);
    return;
  }
  if (declaration.kind === "string") {
    if (element.attributes.size > 0)
      problems.push(`${path}: <${element.name}> (xs:string) takes no attributes`);
    if (element.children.length > 0)
      problems.push(`${path}: <${element.name}> (xs:string) takes no child elements`);
    return;
  }
  for (const rule of declaration.attributes) {
    if (rule.required && !element.attributes.has(rule.name))
      problems.push(`${path}: attribute ${rule.name} is required`);
  }
  for (const name of element.attributes.keys()) {
    if (!declaration.attributes.some((rule) => rule.name === name))
      problems.push(`${path}: attribute ${name} is not allowed on <${element.name}>`);
  }
  if (!declaration.mixed && element.text.trim() !== "")
    problems.push(`${path}: <${element.name}> takes no text`);
  const names = element.children.map((child) => child.name);
  const content = declaration.content;
  const accepted =
    content === undefined ? names.length === 0 : matchEnd(content, names, 0).includes(names.length);
  if (!accepted) {
    problems.push(`${path}: children <${names.join("> <")}> do not fit the content model`);
  }
  element.children.forEach((child, index) => {
    check(schema, child, `${path}/${child.name}[${index}]`, problems);
  });
}

/** Every position where `particle` can end when it starts matching `names` at `from`. */
function matchEnd(particle: Particle, names: readonly string[], from: number): number[] {
  const reachable = new Set<number>(particle.min === 0 ? [from] : []);
  // Each repetition that is not empty takes at least one name: past this many, nothing new.
  const limit = Math.min(particle.max, names.length - from + particle.min + 1);
  let frontier = new Set<number>([from]);
  for (let count = 1; count <= limit && frontier.size > 0; count++) {
    const next = new Set<number>();
    for (const start of frontier)
      for (const end of matchOnce(particle, names, start)) next.add(end);
    if (count >= particle.min) for (const end of next) reachable.add(end);
    frontier = next;
  }
  return [...reachable];
}

function matchOnce(particle: Particle, names: readonly string[], from: number): number[] {
  if (particle.kind === "element") return names[from] === particle.ref ? [from + 1] : [];
  if (particle.kind === "choice") {
    return particle.items.flatMap((item) => matchEnd(item, names, from));
  }
  let positions = [from];
  for (const item of particle.items) {
    positions = [...new Set(positions.flatMap((at) => matchEnd(item, names, at)))];
    if (positions.length === 0) return [];
  }
  return positions;
}
