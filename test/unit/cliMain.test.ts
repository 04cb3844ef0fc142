// The command line itself: option parsing shared by every command, dispatch, --help and --version.
import { parseArgv, UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { memIO } from '../helpers/memIO';
import { useTempDir } from '../helpers/tempDir';

const tmp = useTempDir('mishukin-cli-');

describe('argument parsing', () => {
  const spec = { format: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

  test('options, = form, short names and --', () => {
    expect(parseArgv(['a', '--format', 'json', '-o', 'r.json', 'b', '--', '--c'], spec)).toEqual({
      options: { format: 'json', output: 'r.json' },
      positionals: ['a', 'b', '--c'],
    });
    expect(parseArgv(['--format=csv', '-h'], spec).options).toEqual({ format: 'csv', help: true });
  });

  test('unknown options and missing values are usage errors in Japanese', () => {
    expect(() => parseArgv(['--colour'], spec)).toThrow(new UsageError('不明なオプションです: --colour'));
    expect(() => parseArgv(['-x'], spec)).toThrow(UsageError);
    expect(() => parseArgv(['--format'], spec)).toThrow('--format の後に値を指定してください。');
    expect(() => parseArgv(['--format', '--output', 'x'], spec)).toThrow('--format の後に値を指定してください。');
    expect(() => parseArgv(['--help=yes'], spec)).toThrow(UsageError);
  });
});

describe('main', () => {
  test('--help and -h print the Japanese usage on stdout', async () => {
    for (const flag of ['--help', '-h']) {
      const io = memIO(tmp.path);
      expect(await main([flag], io)).toBe(0);
      expect(io.out()).toContain('使い方: mishukin <コマンド>');
      expect(io.out()).toContain('check');
      expect(io.err()).toBe('');
    }
  });

  test('--version', async () => {
    const io = memIO(tmp.path);
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^mishukin \d+\.\d+\.\d+\n$/);
  });

  test('no command, unknown command, unknown option: usage on stderr, exit 2', async () => {
    for (const argv of [[], ['lint'], ['--frobnicate']]) {
      const io = memIO(tmp.path);
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toMatch(/^mishukin: .*(コマンド|オプション)/);
      expect(io.err()).toContain('使い方:');
      expect(io.out()).toBe('');
    }
  });

  test('check --help and help check', async () => {
    for (const argv of [['check', '--help'], ['check', '-h'], ['help', 'check']]) {
      const io = memIO(tmp.path);
      expect(await main(argv, io)).toBe(0);
      expect(io.out()).toContain('使い方: mishukin check');
      expect(io.out()).toContain('ファイル,シート,位置,規則,重要度,セル,項目,メッセージ');
    }
  });

  test('check usage errors: exit 2 with a Japanese message on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [['check'], /ファイルまたはフォルダを指定してください/],
      [['check', 'a.xlsx', '--bogus'], /不明なオプションです: --bogus/],
      [['check', 'a.xlsx', '--format'], /--format の後に値を指定してください/],
      [['check', 'a.xlsx', '--format', 'xml'], /--format には text、json、csv のどれか/],
      [['check', 'a.xlsx', '--output'], /--output の後に値を指定してください/],
    ];
    for (const [argv, msg] of cases) {
      const io = memIO(tmp.path);
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toMatch(msg);
      expect(io.err()).toContain('使い方: mishukin check');
      expect(io.out()).toBe('');
    }
  });
});
