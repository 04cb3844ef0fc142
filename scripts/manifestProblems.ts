// Everything wrong with one manifest file, in Japanese, by kind: as Office reads it (its own parser,
// officeManifestReading.ts), its structure (manifestCheck.ts), and, for a build, whether every URL of the manifest
// and of functions.json names a built file on the add-in's origin. `npm run validate` and the tests use it.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkManifest, missingFromBuild, type BuildOutputs } from './manifestCheck';
import { readManifestAsOffice } from './officeManifestReading';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUTPUTS } = require(path.join(__dirname, '..', 'webpack.config.js')) as { OUTPUTS: BuildOutputs };

export interface ManifestProblems {
  office: string[];
  structure: string[];
  /** A build's URLs only (empty for the source manifest). */
  urls: string[];
}

/** The problems of one manifest: as Office reads it, its structure, and (for a build) its URLs and functions.json's. */
export async function manifestProblems(file: string, builtDir?: string): Promise<ManifestProblems> {
  const xml = readFileSync(file, 'utf8');
  const office = readManifestAsOffice(xml);
  const structure = await checkManifest(xml, { outputs: OUTPUTS, filesDir: path.dirname(file), builtDir });
  const urls: string[] = [];
  const source = office.urls.find((u) => u.where === 'SourceLocation');
  if (builtDir && source) {
    const origin = new URL(source.url).origin;
    const metadata = path.join(builtDir, OUTPUTS.functionsMetadata);
    const functions = existsSync(metadata)
      ? (JSON.parse(readFileSync(metadata, 'utf8')) as { functions: { id: string; helpUrl?: string }[] }).functions
      : [];
    if (functions.length === 0) urls.push(`${OUTPUTS.functionsMetadata} にカスタム関数がありません。`);
    const helpUrls = functions.map((f) => ({ where: `functions.json ${f.id} helpUrl`, url: f.helpUrl ?? '' }));
    urls.push(...missingFromBuild([...office.urls, ...helpUrls], origin, builtDir));
  }
  return { office: office.problems, structure, urls };
}

