/**
 * TLP from MISP tags of the `tlp` taxonomy: tlp:clear (tlp:white),
 * tlp:green, tlp:amber, tlp:amber+strict and tlp:red, in any case.
 * Other tags of the namespace (tlp:ex:chr, tlp:unclear) are no level.
 */
import { parseTlpName, stricterTlp, type Tlp } from '../../../shared/vocab';

const TLP_NAMESPACE = /^\s*tlp\s*:/i;

/** The TLP level a tag names, or undefined for any other tag. */
export function tlpOfTag(name: string): Tlp | undefined {
  return TLP_NAMESPACE.test(name) ? parseTlpName(name) : undefined;
}

/** The most restrictive level among `names`; undefined when none names one. */
export function strictestTagTlp(names: Iterable<string>): Tlp | undefined {
  let strictest: Tlp | undefined;
  for (const name of names) {
    const tlp = tlpOfTag(name);
    if (tlp) strictest = strictest ? stricterTlp(strictest, tlp) : tlp;
  }
  return strictest;
}
