import * as path from 'node:path';
import { z } from 'zod';
import { main } from '../../src/cli/main';
import { memIO } from '../helpers/memIO';

const ROOT = path.join(__dirname, '..', '..');

const Column = z.object({
  proposed: z.string().nullable(),
  printed: z.string().nullable(),
  reasons: z.array(z.string()),
  question: z.enum(['actionsCarriedOut', 'targetWasSet']).nullable(),
});
const RateJson = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      forms: z.array(z.object({ sheet: z.string(), anchor: z.string(), edition: z.enum(['current', 'older']), fiscalYear: z.number().nullable(), columns: z.record(z.string(), Column) })),
    }),
  ),
});

describe('mishukin rate', () => {
  it('proposes the printed ratings of the examples, with reasons, as json', async () => {
    const io = memIO(ROOT);
    expect(await main(['rate', 'examples/current', '--format', 'json'], io)).toBe(0);
    const out = RateJson.parse(JSON.parse(io.out()));
    expect(out.files).toHaveLength(17);
    const s03 = out.files.find((f) => f.file.endsWith('sheet-03.xlsx'))!.forms[0]!;
    expect(s03.columns['past']).toMatchObject({ proposed: 'A', printed: 'A' });
    expect(s03.columns['current']).toMatchObject({ proposed: 'B1|B2|—', printed: 'B1', question: 'targetWasSet' });
    for (const form of out.files.flatMap((f) => f.forms)) {
      for (const c of Object.values(form.columns)) {
        expect(c.reasons.length).toBeGreaterThan(0);
        if (c.proposed && c.printed) expect(c.proposed.split('|')).toContain(c.printed.replace(/^[-－ー―]$/, '—'));
      }
    }
  });

  it('prints the proposal per column in Japanese', async () => {
    const io = memIO(ROOT);
    expect(await main(['rate', 'examples/current/sheet-01.xlsx'], io)).toBe(0);
    expect(io.out()).toContain('過年度: 提案 B1 または B2 / 記入 B1 ✓');
    expect(io.out()).toContain('予定していた取組を予定どおり実施したなら B1');
  });

  it('gives the older edition its A / B / C1 / C2', async () => {
    const io = memIO(ROOT);
    await main(['rate', 'examples/older/sheet-18.xlsx', '--format', 'json'], io);
    const form = RateJson.parse(JSON.parse(io.out())).files[0]!.forms[0]!;
    expect(form.edition).toBe('older');
    expect(form.columns['total']).toMatchObject({ proposed: 'A', printed: 'B' });
  });

  it('reports an unreadable file and a usage error with exit 2', async () => {
    const io = memIO(ROOT);
    expect(await main(['rate', 'README.md'], io)).toBe(2);
    expect(await main(['rate', '--format', 'csv', 'examples'], memIO(ROOT))).toBe(2);
  });
});
