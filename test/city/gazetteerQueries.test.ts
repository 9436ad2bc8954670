import { describe, expect, it } from 'vitest';
import { buildGazetteerIndex, searchGazetteer, type GazetteerEntry } from '../../shared/city/gazetteer.ts';
import { intersectionSides } from '../../shared/city/intersectionQuery.ts';

function entry(id: string, name: string, kind: GazetteerEntry['kind'], detail = ''): GazetteerEntry {
  return { id, name, kind, detail, position: [1.52, 42.5] };
}

const index = buildGazetteerIndex([
  entry('meritxell', 'Avinguda Meritxell', 'street', 'Andorra la Vella'),
  entry('prat', 'Avinguda Prat de la Creu', 'street', 'CG3a · Andorra la Vella'),
  entry('corner', 'Avinguda Prat de la Creu & Avinguda Meritxell', 'intersection', 'Andorra la Vella'),
  entry('corner-2', 'Avinguda Meritxell & Carrer Bonaventura Armengol', 'intersection', 'Andorra la Vella'),
  entry('pere', 'Carrer de Sant Pere i Sant Pau', 'street', 'Encamp'),
  entry('placa', 'Plaça Major', 'street', 'Sant Julià de Lòria'),
  entry('address', '4 Plaça Major', 'address', 'Sant Julià de Lòria'),
  entry('ctra', "Carretera d'Arinsal", 'street', 'CG-5 · Arinsal'),
  entry('cg5', 'CG-5', 'street', "Carretera d'Arinsal · Arinsal"),
  entry('passeig', 'Passeig de la Rivera', 'street', 'Ordino'),
  entry('blvd', 'Boulevard Albert 1er', 'street', 'La Condamine, Monaco'),
  entry('mitjavila', 'Avinguda Doctor Mitjavila', 'street', 'Andorra la Vella'),
]);
const ids = (query: string): string[] => searchGazetteer(index, query).map((e) => e.id);

describe('searching streets, intersections and addresses', () => {
  it('[LO5] reads a query naming two streets by &, /, +, and, at, x, corner, Catalan i, Spanish y, French et', () => {
    expect(intersectionSides('meritxell & prat')).toEqual([[['meritxell'], ['prat']]]);
    expect(intersectionSides('Prat de la Creu / Meritxell')).toEqual([[['prat', 'de', 'la', 'creu'], ['meritxell']]]);
    for (const join of ['and', 'at', 'x', 'corner', 'cnr', 'i', 'y', 'et', '+', '&', '/']) {
      expect(intersectionSides(`meritxell ${join} prat`), join).toEqual([[['meritxell'], ['prat']]]);
    }
    // Without a mark, each join word is a place to split; the words themselves are left out.
    expect(intersectionSides('sant pere i sant pau i meritxell')).toEqual([
      [['sant', 'pere'], ['sant', 'pau', 'meritxell']],
      [['sant', 'pere', 'sant', 'pau'], ['meritxell']],
    ]);
    // "c/" is carrer, not a join; a join with nothing on one side names no intersection.
    expect(intersectionSides('c/ bonaventura')).toEqual([]);
    expect(intersectionSides('c/ bonaventura & meritxell')).toEqual([[['c', 'bonaventura'], ['meritxell']]]);
    expect(intersectionSides('meritxell &')).toEqual([]);
    expect(intersectionSides('x')).toEqual([]);
  });

  it('[LO5] finds an intersection from either street first, before the streets themselves', () => {
    for (const query of ['meritxell & prat', 'meritxell and prat de la', 'Prat de la Creu / Meritxell', 'prat x meritxell', 'meritxell at prat', 'meritxell i prat', 'av meritxell y avda prat']) {
      expect(ids(query)[0], query).toBe('corner');
    }
    expect(ids('c/ bonaventura & meritxell')[0]).toBe('corner-2');
    // A street name holding a join word is still found whole.
    expect(ids('sant pere i sant pau')[0]).toBe('pere');
    // Without a join, the two streets' words still find their intersection.
    expect(ids('meritxell prat')).toEqual(['corner']);
  });

  it('[LO5] reads the abbreviations Andorran, Catalan, Spanish and French call-takers use', () => {
    for (const query of ['av meritxell', 'avda meritxell', 'avinguda meritxell', 'avenida meritxell', 'avenue meritxell']) expect(ids(query)[0], query).toBe('meritxell');
    expect(ids('pl major')[0]).toBe('placa');
    expect(ids('pza major')[0]).toBe('placa');
    expect(ids('ctra arinsal')[0]).toBe('ctra');
    expect(ids('c/ sant pere')[0]).toBe('pere');
    expect(ids('c sant pere')[0]).toBe('pere');
    expect(ids('pg rivera')[0]).toBe('passeig');
    expect(ids('bd albert')[0]).toBe('blvd');
    expect(ids('av dr mitjavila')[0]).toBe('mitjavila');
    expect(ids('st pere')).toContain('pere');
  });

  it('[LO5] ignores accents ("placa" finds "Plaça") and finds road numbers with or without the dash', () => {
    expect(ids('placa major')[0]).toBe('placa');
    expect(ids('PLAÇA MAJOR')[0]).toBe('placa');
    expect(ids('cg5')[0]).toBe('cg5');
    expect(ids('cg-5')[0]).toBe('cg5');
    expect(ids('cg 5')[0]).toBe('cg5');
  });

  it('[LO5] finds an address by number then street, or street then number', () => {
    expect(ids('4 placa major')[0]).toBe('address');
    expect(ids('placa major 4')[0]).toBe('address');
    expect(ids('4 pl major')[0]).toBe('address');
    expect(ids('5 placa major')).toEqual([]);
  });
});
