/** The program's version, stamped into catalogs built by `catalog update`. */
export const VERSION = '0.1.0';
