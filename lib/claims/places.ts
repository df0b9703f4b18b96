/**
 * Named places (cities, bases, ranges, regions) resolved to their country through
 * seeds/entities/cities.json, so "Tartu" reads as Estonia when compared with "held in Estonia".
 */
import citiesData from '../../seeds/entities/cities.json';
import type { EntityId } from '../types';
import type { Span } from './types';

export interface PlaceMatch extends Span {
  name: string;
  country: EntityId;
}

interface Gazetteer {
  /** First word -> names starting with it, longest first. */
  byFirst: Map<string, { name: string; country: EntityId }[]>;
  country: Map<string, EntityId>;
}

let gazetteer: Gazetteer | null = null;

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const byFirst = new Map<string, { name: string; country: EntityId }[]>();
  const country = new Map<string, EntityId>();
  for (const [id, names] of Object.entries((citiesData as { places: Record<string, string[]> }).places)) {
    for (const name of names) {
      country.set(name, id);
      const first = name.split(/[\s-]/)[0]!;
      const list = byFirst.get(first) ?? [];
      list.push({ name, country: id });
      list.sort((a, b) => b.name.length - a.name.length);
      byFirst.set(first, list);
    }
  }
  gazetteer = { byFirst, country };
  return gazetteer;
}

/** The country a place lies in, by its exact name. */
export function countryOfPlace(name: string): EntityId | undefined {
  return load().country.get(name);
}

const CAPITALISED = /\p{Lu}[\p{L}'’]*/gu;

/** Known places named in `text`, longest name first at each position. */
export function findPlaces(text: string): PlaceMatch[] {
  const { byFirst } = load();
  const out: PlaceMatch[] = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    const list = byFirst.get(m[0]);
    if (!list) continue;
    for (const place of list) {
      const end = m.index + place.name.length;
      if (text.startsWith(place.name, m.index) && !/[\p{L}\d]/u.test(text[end] ?? '')) {
        out.push({ start: m.index, end, name: place.name, country: place.country });
        CAPITALISED.lastIndex = end;
        break;
      }
    }
  }
  return out;
}
