/**
 * The cyber observables of an exported alert: its addresses and host
 * names, and the traffic between them with its ports. Ids follow STIX's
 * own derivation, so an address seen in many alerts is one object, marked
 * as strictly as the strictest alert that names it.
 */
import type { Alert, Endpoint } from '../../shared/model';
import { stricterTlp, type Tlp } from '../../shared/vocab';
import { observableId } from './stix-ids';
import { tlpMarkingId } from './stix-markings';

type StixObject = Record<string, unknown> & { id: string };

/** The observables of a whole export, each once, with the marking it is owed. */
export class ObservableSet {
  private readonly objects = new Map<string, { object: StixObject; tlp: Tlp }>();

  /** Adds the observables of `alert`; returns their ids (empty when it names no address or host). */
  addAlert(alert: Alert): string[] {
    const source = this.endpoint(alert.source, alert.tlp);
    const destination = this.endpoint(alert.destination, alert.tlp);
    const ids = [...source, ...destination];
    const [src] = source;
    const [dst] = destination;
    const traffic = this.traffic(alert, src, dst);
    return traffic ? [...ids, traffic] : ids;
  }

  /** Every observable added, with its marking. */
  all(): StixObject[] {
    return [...this.objects.values()].map(({ object, tlp }) => ({
      ...object,
      object_marking_refs: [tlpMarkingId(tlp)],
    }));
  }

  private endpoint(endpoint: Endpoint | undefined, tlp: Tlp): string[] {
    const ids: string[] = [];
    if (endpoint?.ip !== undefined) {
      const type = endpoint.ip.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
      ids.push(this.add(type, { value: endpoint.ip }, tlp));
    }
    if (endpoint?.hostname !== undefined) {
      ids.push(this.add('domain-name', { value: endpoint.hostname }, tlp));
    }
    return ids;
  }

  /** Traffic between the two addresses, when there is an address to hang the ports on. */
  private traffic(alert: Alert, src?: string, dst?: string): string | undefined {
    const ip = alert.source?.ip ?? alert.destination?.ip;
    const isAddress = (id?: string) => id !== undefined && !id.startsWith('domain-name');
    if (ip === undefined || !(isAddress(src) || isAddress(dst))) return undefined;
    const contributing = {
      ...(isAddress(src) ? { src_ref: src } : {}),
      ...(isAddress(dst) ? { dst_ref: dst } : {}),
      ...(alert.source?.port === undefined ? {} : { src_port: alert.source.port }),
      ...(alert.destination?.port === undefined ? {} : { dst_port: alert.destination.port }),
      protocols: [ip.includes(':') ? 'ipv6' : 'ipv4'],
    };
    return this.add('network-traffic', contributing, alert.tlp);
  }

  private add(type: string, contributing: Record<string, unknown>, tlp: Tlp): string {
    const id = observableId(type, contributing);
    const known = this.objects.get(id);
    if (known) known.tlp = stricterTlp(known.tlp, tlp);
    else {
      const object = { type, spec_version: '2.1', id, ...contributing };
      this.objects.set(id, { object, tlp });
    }
    return id;
  }
}
