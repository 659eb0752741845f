import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, csvField, csvLine, parseCsv, parseCsvText } from './index.js';

const fields = (text: string) => parseCsvText(text).map((r) => r.fields);

describe('CSV parser', () => {
  it.each([
    ['plain rows', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['no newline at the end', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR (old Mac)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['byte-order mark', '\uFEFF身份证号,姓名\n1,2\n', [['身份证号', '姓名'], ['1', '2']]],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['quoted comma', '"a,b",c\n', [['a,b', 'c']]],
    ['escaped quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['only an escaped quote', '"""",x\n', [['"', 'x']]],
    ['quoted newline LF', '"line1\nline2",x\n', [['line1\nline2', 'x']]],
    ['quoted newline CRLF', '"line1\r\nline2",x\r\n', [['line1\r\nline2', 'x']]],
    ['quoted empty field is a record', '""\n', [['']]],
    ['blank lines are skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['quote inside an unquoted field is literal', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after the closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    ['spaces are kept', ' a , b \n', [[' a ', ' b ']]],
    ['trailing separator', 'a,\n', [['a', '']]],
    ['Chinese and emoji', '张三,😀\n', [['张三', '😀']]],
    ['empty input', '', []],
    ['only a BOM', '\uFEFF', []],
  ])('%s', (_, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('numbers rows as a spreadsheet does (blank lines count) and lines as an editor does', () => {
    const records = parseCsvText('h1,h2\n"a\nb",1\n\nc,2\n');
    expect(records.map((r) => [r.fields[0], r.row, r.line])).toEqual([
      ['h1', 1, 1],
      ['a\nb', 2, 2],
      ['c', 4, 5],
    ]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const text = '\uFEFFid,name,note\r\n1,"张,三","他说""好""\r\n第二行"\r\n2,李四,\r\n\r\n3,"",x\r4,"a""b"c,\n';
    const whole = parseCsvText(text);
    expect(whole.map((r) => r.fields)).toEqual([
      ['id', 'name', 'note'],
      ['1', '张,三', '他说"好"\r\n第二行'],
      ['2', '李四', ''],
      ['3', '', 'x'],
      ['4', 'a"bc', ''],
    ]);
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
      out.push(...parser.end());
      expect(out, `chunks of ${size}`).toEqual(whole);
    }
    // every split point, in two chunks
    for (let at = 0; at <= text.length; at++) {
      const parser = new CsvParser();
      const out = [...parser.push(text.slice(0, at)), ...parser.push(text.slice(at)), ...parser.end()];
      expect(out, `split at ${at}`).toEqual(whole);
    }
  });

  it('refuses an unterminated quote, naming the line it opened on', () => {
    expect(() => parseCsvText('a\n"b,c\nd\n')).toThrowError(CsvError);
    try {
      parseCsvText('a\n"b,c\nd\n');
    } catch (error) {
      expect((error as CsvError).code).toBe('csv.unterminated_quote');
      expect((error as CsvError).line).toBe(2);
    }
  });

  it('refuses a record longer than the limit instead of growing without bound', () => {
    const parser = new CsvParser({ maxRecordChars: 100 });
    expect(() => parser.push(`"${'x'.repeat(200)}`)).toThrowError(/too_long/);
    expect(() => parseCsvText(`${'y'.repeat(50)},${'z'.repeat(60)}\n`, { maxRecordChars: 100 })).toThrowError(/too_long/);
  });

  it('streams from an async source', async () => {
    async function* source() {
      yield 'a,b\n1,';
      yield '2\n3,4';
    }
    const out = [];
    for await (const record of parseCsv(source())) out.push(record.fields);
    expect(out).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });
});

describe('CSV writer', () => {
  it.each([
    ['plain', 'abc', 'abc'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['newline', 'a\nb', '"a\nb"'],
    ['formula is defused', '=SUM(A1)', "'=SUM(A1)"],
    ['leading minus is defused', '-1+1', "'-1+1"],
    ['at sign is defused', '@cmd', "'@cmd"],
    ['number', 42, '42'],
    ['null', null, ''],
  ])('%s', (_, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('round-trips through the parser', () => {
    const values = ['a,b', 'x"y', 'l1\nl2', '中文', ''];
    expect(parseCsvText(csvLine(values))[0].fields).toEqual(values);
  });
});
