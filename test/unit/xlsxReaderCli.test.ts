// The reader as `mishukin check` uses it: hostile and odd files, one by one and as one folder, each with its own
// Japanese answer (or its form, with the reader's note), nothing else on the way, no input changed.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { afterMerges, sheet01With, SHEET_01, WHOLE_COLUMN_ANNOTATIONS } from '../helpers/hostileWorkbooks';
import { memIO } from '../helpers/memIO';
import { deflatedZeros, makeZip, minimalInputs, minimalXlsx, ROOT_RELS } from '../helpers/xlsxBuilder';

interface JsonFile {
  file: string;
  error: { code: string; message: string } | null;
  forms: { findings: { rule: string; severity: string; message: string }[] }[];
}

let dir: string;
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-reader-cli-'));
  const bomb = { raw: { bytes: await deflatedZeros(300), uncompressedSize: 1000 } };
  Object.assign(files, {
    'a-template.xlsx': sheet01With(afterMerges(WHOLE_COLUMN_ANNOTATIONS)),
    'b-uncounted.xlsx': makeZip(minimalInputs(), { uncounted: [{ name: 'xl/worksheets/sheet2.xml', ...bomb }] }),
    'c-duplicate.xlsx': makeZip([...minimalInputs(), { name: 'xl/worksheets/sheet1.xml', ...bomb }]),
    'd-xxe.xlsx': minimalXlsx({ '_rels/.rels': ROOT_RELS.replace('?>', '?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>') }),
    'e-plain.xlsx': SHEET_01,
  });
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(dir, name), bytes);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memIO(dir);
  const code = await main(['check', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const EXPECTED: Record<string, string> = {
  'a-template.xlsx': 'form',
  'b-uncounted.xlsx': 'corrupt',
  'c-duplicate.xlsx': 'corrupt',
  'd-xxe.xlsx': 'unsafe-xml',
  'e-plain.xlsx': 'form',
};

function answers(out: string): Record<string, string> {
  const report = JSON.parse(out) as { files: JsonFile[] };
  return Object.fromEntries(report.files.map((f) => [path.basename(f.file), f.error ? f.error.code : f.forms.length > 0 ? 'form' : 'none']));
}

test('one by one: each file its own answer', async () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const { out } = await check(name, '--format', 'json');
    expect(answers(out)).toEqual({ [name]: expected });
  }
});

test('as one folder: every answer, the reader\'s note on the template, nothing from a local file, no stack', async () => {
  const { code, out, err } = await check('.', '--format', 'json');
  expect(answers(out)).toEqual(EXPECTED);
  const report = JSON.parse(out) as { files: JsonFile[] };
  const template = report.files.find((f) => f.file.endsWith('a-template.xlsx'))!;
  expect(template.forms[0]!.findings.filter((f) => f.rule === 'READ-SKIPPED').map((f) => f.severity)).toEqual(['info']);
  expect(out + err).not.toMatch(/root:|\n\s+at |Error:/);
  expect(code).toBe(2);
  for (const [name, bytes] of Object.entries(files)) expect(Buffer.compare(await fs.readFile(path.join(dir, name)), bytes)).toBe(0);
});

test('the text report shows the note under the template\'s form', async () => {
  const { out } = await check('a-template.xlsx');
  expect(out).toContain('[READ-SKIPPED]');
  expect(out).toContain('入力規則 2 件(D1:D1048576、F1:F1048576、H1:H1048576)');
});
