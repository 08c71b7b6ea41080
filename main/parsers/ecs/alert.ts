/** An ECS document of kind alert or signal (an IDS, a SIEM rule) as an alert. */
import { alertId } from '../alert-id';
import type { JsonObject } from '../fields';
import type { EventResult } from '../json-events';
import { boundTags, normalizeCategory, truncate } from '../text';
import { parseTimestamp } from '../time';
import { ecsEndpoint } from './endpoint';
import { ecsField, ecsString, ecsStrings } from './path';
import { ecsSeverity } from './severity';

const MAX_TAGS = 30;

/** The alert of one ECS alert document; `identity` names it for its id. */
export function ecsAlert(document: JsonObject, raw: string, identity: string): EventResult {
  const title = firstString(document, [
    'kibana.alert.rule.name',
    'signal.rule.name',
    'rule.name',
    'message',
    'event.action',
    'event.reason',
  ]);
  if (!title)
    return { reason: 'ECS alert has no rule.name, message, event.action or event.reason' };
  const observedAt = parseTimestamp(ecsField(document, '@timestamp'));
  if (observedAt === undefined) {
    return {
      reason: `ECS alert has an invalid @timestamp ${JSON.stringify(ecsField(document, '@timestamp') ?? null).slice(0, 60)}`,
    };
  }
  const source = ecsEndpoint(document, 'source');
  if (!source.ok) return { reason: `ECS alert has an ${source.reason}` };
  const destination = ecsEndpoint(document, 'destination');
  if (!destination.ok) return { reason: `ECS alert has an ${destination.reason}` };
  const ruleId = firstString(document, [
    'kibana.alert.rule.uuid',
    'signal.rule.id',
    'rule.uuid',
    'rule.id',
  ]);
  const category =
    firstString(document, ['rule.category', 'threat.tactic.name']) ??
    ecsStrings(document, 'event.category')[0];
  return {
    alert: {
      id: alertId('ecs', identity),
      kind: 'alert',
      observedAt,
      severity: ecsSeverity(document, 'medium'),
      title: truncate(title, 500),
      category: normalizeCategory(category ?? 'alert'),
      source: source.endpoint,
      destination: destination.endpoint,
      sectors: [],
      tags: boundTags(
        [
          ecsString(document, 'event.dataset'),
          ...ecsStrings(document, 'threat.technique.id').map((id) => `mitre:${id}`),
          ...ecsStrings(document, 'tags'),
        ],
        MAX_TAGS,
      ),
      signature: truncate(ruleId ? `ecs:${ruleId}` : `ecs:msg:${title}`, 300),
      raw,
    },
  };
}

/** The first non-blank string among `paths`, trimmed. */
export function firstString(document: JsonObject, paths: string[]): string | undefined {
  for (const path of paths) {
    const value = ecsString(document, path)?.trim();
    if (value) return value;
  }
  return undefined;
}
