// Builds the add-in for one https origin: the task pane page (React + Fluent UI), the custom functions of the
// shared runtime, the help pages, the icons and the manifest. The origin is a build setting because the add-in
// must be hostable on a municipality's internal (LGWAN) server:
//   ADDIN_ORIGIN=https://host[:port] npm run build   → dist/ with every URL (manifest, functions' help) on that origin
//   OFFICE_JS=bundled                                 → serve a copy of office.js with the add-in, for networks that
//                                                        cannot reach Microsoft's CDN (default: cdn; docs/deploy.md)
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

/** The origin written in manifest.xml and the functions' JSDoc; the build replaces it. */
const DEV_ORIGIN = 'https://localhost:3000';

/** Microsoft's CDN copy of office.js, the only one Microsoft supports (docs/deploy.md). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Where office.js comes from: Microsoft's CDN, or a copy served with the add-in (closed networks only). */
const OFFICE_JS_MODES = ['cdn', 'bundled'];

/**
 * The pane's lazy chunks, by the modules that make them: the tools on a form (数式を入れる, 評価ガイド) and the sheet
 * commands (新しい調査書, 翌年度へ繰り越し). A module of the pane's initial script that a lazy chunk imports can no
 * longer be concatenated into it, and keeps there every export the chunk uses: the plans, their messages and what
 * they build on would land in the initial script (the recogniser and the checks share those modules: messages,
 * keys, the form model, the formulas, year words). So what these modules import from src/core and src/adapters is a
 * copy of its own, in a webpack layer named after the chunk, which only that chunk carries; the sheet writer is
 * always in the sheets layer (the Office adapter loads it on demand). React, Fluent UI and the pane's own modules
 * (fluentKit, styles, store) stay shared. The loaders the initial script holds (lazyFormTools.ts, fluentKit.ts)
 * import nothing from src/core or src/adapters. The file mode is fed through fileKit.ts instead: it needs the
 * recogniser and checks themselves, which the initial script holds anyway.
 */
const LAZY_CHUNKS = {
  tools: /[\\/]src[\\/]taskpane[\\/](components[\\/](FormTools|FormulaPreview|RatingGuide|PlanRows|WriteBar)[\\/]|model[\\/](formulaSession|ratingGuideSession|planView|writeSession)\.ts$)/,
  sheets: /[\\/]src[\\/]taskpane[\\/](components[\\/]SheetCommands[\\/]|model[\\/]sheetCommandSession\.ts$)/,
};
const LAZY_LAYERS = [
  ...Object.entries(LAZY_CHUNKS).map(([layer, issuer]) => ({ test: /[\\/]src[\\/](core|adapters)[\\/]/, issuer, layer })),
  { test: /[\\/]src[\\/]adapters[\\/]excel[\\/]sheetWriter\.ts$/, layer: 'sheets' },
];

/** Files the manifest and the functions' metadata point at; the manifest check (scripts/manifestCheck.ts) holds the manifest to these. */
const OUTPUTS = {
  taskpane: 'taskpane.html',
  help: 'help.html',
  functionsHelp: 'functions-help.html',
  functionsScript: 'functions.js',
  functionsMetadata: 'functions.json',
  manifest: 'manifest.xml',
  icons: ['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png'],
};

function originOf(value) {
  const u = new URL(value);
  if (u.protocol !== 'https:' || u.pathname !== '/' || u.search || u.hash || u.username) {
    throw new Error(`ADDIN_ORIGIN は https://ホスト名[:ポート] の形で指定してください(パスは付けません): ${value}`);
  }
  return u.origin;
}

function officeJsMode(value) {
  const mode = value || 'cdn';
  if (!OFFICE_JS_MODES.includes(mode)) throw new Error(`OFFICE_JS は ${OFFICE_JS_MODES.join(' か ')} を指定してください: ${value}`);
  return mode;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The usage page's index of the custom functions, from the generated metadata (so it never drifts from the JSDoc). */
function functionsIndex(metadataJson) {
  const { functions } = JSON.parse(metadataJson);
  const items = functions.map((f) => {
    const params = f.parameters.map((p) => escapeHtml(p.name)).join(', ');
    const href = `${OUTPUTS.functionsHelp}#${encodeURIComponent(f.id)}`;
    return `<li><a href="${href}"><code>=MISHUKIN.${escapeHtml(f.name)}(${params})</code></a>: ${escapeHtml(f.description ?? '')}</li>`;
  });
  return `<ul>${items.join('\n')}</ul>`;
}

/**
 * Puts the add-in's origin into what Office reads: the manifest (written for DEV_ORIGIN) and the functions'
 * metadata, whose help URLs are made here, one section of functions-help.html per function, rather than written
 * in the JSDoc. The metadata comes from custom-functions-metadata-plugin, which reports the generator's errors
 * as build errors; a build without it fails here too, instead of shipping a manifest whose functions do not load.
 */
class AddinUrlsPlugin {
  constructor(origin) {
    this.origin = origin;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinUrlsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AddinUrlsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const manifest = assets[OUTPUTS.manifest];
          if (manifest) {
            const text = manifest.source().toString().split(DEV_ORIGIN).join(this.origin);
            compilation.updateAsset(OUTPUTS.manifest, new webpack.sources.RawSource(text));
          }
          const metadata = assets[OUTPUTS.functionsMetadata];
          if (!metadata) {
            compilation.errors.push(new webpack.WebpackError(`${OUTPUTS.functionsMetadata} が生成されませんでした(カスタム関数の JSDoc の誤り。上のエラーを見てください)。`));
            return;
          }
          const json = JSON.parse(metadata.source().toString());
          for (const f of json.functions) f.helpUrl = `${this.origin}/${OUTPUTS.functionsHelp}#${encodeURIComponent(f.id)}`;
          compilation.updateAsset(OUTPUTS.functionsMetadata, new webpack.sources.RawSource(JSON.stringify(json, null, 2)));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  const origin = originOf(process.env.ADDIN_ORIGIN || DEV_ORIGIN);
  const testBuild = process.env.MISHUKIN_TEST_BUILD === '1';
  const bundledOfficeJs = officeJsMode(process.env.OFFICE_JS) === 'bundled';

  // office.js loads its host scripts from where it came from: its CDN is the one other origin the page may reach.
  const csp = [
    "default-src 'self'",
    `script-src 'self'${bundledOfficeJs ? '' : ` ${new URL(OFFICE_JS_CDN).origin}`}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

  return {
    mode: dev ? 'development' : 'production',
    // eval-based source maps would need 'unsafe-eval' in the CSP.
    devtool: dev ? 'source-map' : false,
    entry: {
      ...(testBuild ? { testDouble: './test/browser/installDouble.ts' } : {}),
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: process.env.MISHUKIN_OUT ? path.resolve(process.env.MISHUKIN_OUT) : path.resolve(__dirname, 'dist'),
      // functions.js is named in the manifest; everything else carries its hash so Office's cache never serves a stale one.
      filename: (data) => (data.chunk.name === 'functions' ? OUTPUTS.functionsScript : '[name].[contenthash:8].js'),
      chunkFilename: '[name].[contenthash:8].js',
      // dist/node/ is the CLI's (npm run build:cli).
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      // exceljs's browser build is a finished UMD bundle: nothing to parse.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        ...LAZY_LAYERS,
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `tsc --noEmit`; ES modules let webpack split off exceljs and shake Fluent.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __TEST_BUILD__: JSON.stringify(testBuild) }),
      new CustomFunctionsMetadataPlugin({ output: OUTPUTS.functionsMetadata, input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: OUTPUTS.taskpane,
        template: './src/taskpane/taskpane.html',
        chunks: [...(testBuild ? ['testDouble'] : []), 'functions', 'taskpane'],
        chunksSortMode: 'manual',
        csp,
        officeJs: bundledOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN,
      }),
      new HtmlWebpackPlugin({
        filename: OUTPUTS.help,
        template: './src/taskpane/help.html',
        inject: false,
        // The page is made when the functions' metadata already exists (none after a metadata error: the build fails).
        templateParameters: (compilation) => ({
          functionsIndex: functionsIndex(compilation.assets[OUTPUTS.functionsMetadata]?.source().toString() ?? '{"functions":[]}'),
        }),
      }),
      new HtmlWebpackPlugin({ filename: OUTPUTS.functionsHelp, template: './src/functions/help.html', inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: OUTPUTS.manifest },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // OFFICE_JS=bundled: office.js served with the add-in, for networks that cannot reach Microsoft's CDN: the
          // loader, Excel's host scripts and the UI strings; not the debug builds, other hosts, or the direct
          // telemetry sender.
          ...(!bundledOfficeJs
            ? []
            : [
                {
                  from: '**/*.js',
                  context: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
                  to: 'office-js/',
                  globOptions: {
                    ignore: ['**/*.debug.js', '**/*vsdoc*', '**/ariatelemetry/**', '**/{access,onenote,outlook,powerpoint,project,word}*'],
                  },
                },
              ]),
        ],
      }),
      new AddinUrlsPlugin(origin),
    ],
    performance: { hints: false },
    devServer: {
      server: 'https',
      host: 'localhost',
      port: 3000,
      hot: false,
      static: false,
      client: { overlay: { warnings: false } },
      onListening: (server) => {
        const { port } = server.server.address();
        console.log(
          [
            '',
            `未収金調査書アシスタントを https://localhost:${port}/taskpane.html で配信しています(webpack-dev-server の自己署名証明書)。`,
            ' 1. まずブラウザーでこの URL を開き、証明書の警告を確かめて先へ進みます。このページだけで .xlsx をドロップして点検できます(ファイルモード)。',
            ' 2. Excel on the web: 「ホーム」→「アドイン」→「その他のアドイン」→「マイ アドイン」→「マイ アドインのアップロード」で、',
            `    このリポジトリの manifest.xml を選びます(1. と同じブラウザーで)。`,
            ' 3. Windows の Excel: docs/deploy.md の「共有フォルダー カタログ」の手順で manifest.xml を読み込みます。',
            '    自己署名証明書(node_modules/.cache/webpack-dev-server/server.pem)を「信頼されたルート証明機関」に入れておく必要があります。',
            '',
          ].join('\n'),
        );
      },
    },
  };
};

module.exports.OUTPUTS = OUTPUTS;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.AddinUrlsPlugin = AddinUrlsPlugin;
