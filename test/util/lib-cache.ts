import ts from "typescript";

/*
 * Why a cache of TypeScript's own lib files: every program of a test process parses lib.es2022 and lib.dom again
 * (about 1.5 s of CPU each time, most of a small type-check). A parsed SourceFile is immutable once made, and the
 * language service shares them between programs the same way (its document registry). Only TypeScript's bundled
 * `lib.*.d.ts` are kept, keyed by name and parse options; every other file is read fresh, and every program still
 * type-checks the lib files itself (no skipLibCheck), so a cached parse changes no diagnostic.
 */
const parsed = new Map<string, ts.SourceFile>();

/**
 * A compiler host for `options` that parses TypeScript's lib files once per process, and the files `alsoShare`
 * names (files no test writes, such as installed packages' .d.ts).
 */
export function libCachingHost(options: ts.CompilerOptions, alsoShare: (fileName: string) => boolean = () => false): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  const libDir = host.getDefaultLibLocation?.() ?? "";
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const lib = libDir !== "" && fileName.startsWith(libDir) && /[\\/]lib\.[^\\/]*\.d\.ts$/.test(fileName);
    if (!lib && !alsoShare(fileName)) return read(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = parsed.get(key);
    if (file === undefined) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file !== undefined) parsed.set(key, file);
    }
    return file;
  };
  return host;
}
