/** Where each page of the catalogue lives, relative to the site root. Contract names are kebab-case (discover.ts). */
export const INDEX_FILE = "index.html";

export function contractFile(name: string): string {
  return `contracts/${name}.html`;
}

/** Link from the index to a contract page. */
export function contractHref(name: string): string {
  return contractFile(name);
}

/** Link from a contract page back to the index. */
export const HOME_FROM_CONTRACT = "../index.html";
