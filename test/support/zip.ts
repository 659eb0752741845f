/**
 * A tiny zip writer for tests of uploads: hand-made .xlsx files (parts in any order, inline strings,
 * rich text) and hostile archives (a zip bomb, an entry lying about its size, too many entries).
 * A part's bytes may come as an iterable of chunks; a chunk given again (the same Buffer) is deflated
 * once, so a bomb of 150 MB of one repeated megabyte costs the test one megabyte.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: string | Uint8Array | Iterable<Uint8Array>;
  /** keep the bytes as they are (method 0) instead of deflating them */
  store?: boolean;
  /** what the headers say the part inflates to, when it is to lie (default: the truth) */
  declaredSize?: number;
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** The archive: local headers with the sizes (no data descriptors), the central directory, the end record. */
export function zip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const deflated = new Map<Uint8Array, Buffer>();
  for (const part of parts) {
    const chunks = typeof part.data === 'string' ? [Buffer.from(part.data)] : part.data instanceof Uint8Array ? [part.data] : part.data;
    let crc = 0;
    let size = 0;
    const body: Buffer[] = [];
    for (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      if (part.store) body.push(Buffer.from(chunk));
      else {
        // each chunk ends on a byte boundary without a final block, so the pieces join into one stream
        let piece = deflated.get(chunk);
        if (!piece) deflated.set(chunk, (piece = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH })));
        body.push(piece);
      }
    }
    if (!part.store) body.push(deflateRawSync(Buffer.alloc(0))); // the final (empty) block
    const data = Buffer.concat(body);
    const name = Buffer.from(part.name);
    const method = part.store ? 0 : 8;
    const declared = part.declaredSize ?? size;
    // version 2.0, flags: UTF-8 names; time and date 1980-01-01 00:00
    const fields = [u16(20), u16(0x800), u16(method), u16(0), u16(0x21), u32(crc), u32(data.length), u32(declared), u16(name.length), u16(0)];
    out.push(u32(0x04034b50), ...fields, name, data);
    central.push(u32(0x02014b50), u16(20), ...fields, u16(0), u16(0), u16(0), u32(0), u32(offset), name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = [u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(directory.length), u32(offset), u16(0)];
  return Buffer.concat([...out, directory, ...end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The parts of a one-sheet workbook: the worksheet's `<sheetData>` inner XML, the shared strings'
 * `<si>` elements (or their bytes in chunks), optional styles (`cellXfs` inner XML, custom `numFmts`).
 * In Excel's own order: the worksheet before the shared strings it needs.
 */
export function workbookParts(input: {
  sheetData: string;
  sharedStrings?: string | Iterable<Uint8Array>;
  numFmts?: string;
  cellXfs?: string;
  date1904?: boolean;
  /** more worksheets after the first (their sheetData) */
  others?: string[];
}): ZipPart[] {
  const sheets = [input.sheetData, ...(input.others ?? [])];
  const sst = input.sharedStrings ?? '';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">${input.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>` +
        sheets.map((_, i) => `<sheet name="${escape(`表${i + 1}`)}" sheetId="${i + 1}" r:id="rIdSheet${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rIdSheet${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
        '</Relationships>',
    },
    ...sheets.map((sheetData, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>` })),
    {
      name: 'xl/styles.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${input.numFmts ? `<numFmts>${input.numFmts}</numFmts>` : ''}` +
        `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${input.cellXfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: typeof sst === 'string' ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${sst}</sst>` : sst,
    },
  ];
}

/**
 * A zip bomb shaped as an .xlsx: one shared string of `inflatedMb` MB of the letter a (deflated to
 * about a thousandth), the first cell of the first row pointing at it. `declaredMb` makes the shared
 * strings' headers lie about their size.
 */
export function xlsxBomb(inflatedMb: number, options: { declaredMb?: number } = {}): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`);
  const tail = Buffer.from('</t></si></sst>');
  const megabyte = Buffer.alloc(1024 * 1024, 'a');
  const strings = function* () {
    yield head;
    for (let i = 0; i < inflatedMb; i++) yield megabyte;
    yield tail;
  };
  const parts = workbookParts({ sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' });
  // the shared strings first, as a streaming reader would want them
  const strings_ = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
  strings_.data = strings();
  if (options.declaredMb !== undefined) strings_.declaredSize = options.declaredMb * 1024 * 1024;
  return zip([...parts.filter((p) => p !== strings_ && !p.name.startsWith('xl/worksheets/')), strings_, ...parts.filter((p) => p.name.startsWith('xl/worksheets/'))]);
}
