import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CityDataError } from '../../server/city/CityDataError.ts';
import { CARE_SERVICES_FILE, loadCareServicesFile } from '../../server/city/careServicesFile.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { loadCityPack } from '../../server/city/loadCityPack.ts';
import { careCatalogue, extraFieldProblem, type CareServicesFile, type ExtraField } from '../../shared/tickets/careServiceSchema.ts';
import { copyCityPack, JOBURG_DIR, type CityPackCopy } from './cityPackCopy.ts';

type Json = Record<string, unknown>;
type RawCareFile = { services: Json[]; phoneMenu: Json[] };

function joburgCare(): CareServicesFile {
  const care = loadCareServicesFile(JOBURG_DIR);
  if (care === null) throw new Error(`fixtures/joburg has no ${CARE_SERVICES_FILE}`);
  return care;
}

const care = joburgCare();
const catalogue = careCatalogue(care);

/** The extra field `key` of service `code`, failing the test when the file lacks it. */
function field(code: string, key: string): ExtraField {
  const found = catalogue.service(code)?.extraFields.find((f) => f.key === key);
  if (found === undefined) throw new Error(`service ${code} has no field ${key}`);
  return found;
}

/** How a callback promise says `hours` aloud: "1 hour", "8 hours", "24 hours", "3 days". */
function spokenWithin(hours: number): string {
  if (hours === 1) return 'within 1 hour';
  if (hours > 24 && hours % 24 === 0) return `within ${hours / 24} days`;
  return `within ${hours} hours`;
}

describe('[CC1] the Johannesburg Care Connect file', () => {
  it('[CC1] loads with the city: the line, its departments, 30-50 services and the phone menu', () => {
    const city = loadCity(JOBURG_DIR);
    expect(city.care).toEqual(care);
    expect(care.line).toEqual({ name: 'Care Connect', phone: '0860 562 874' });
    expect(care.departments.map((d) => d.name)).toEqual(expect.arrayContaining(['City Power', 'Joburg Water', 'Pikitup', 'Johannesburg Roads Agency (JRA)', 'Group Finance', 'JMPD']));
    expect(care.departments).toHaveLength(18);
    expect(care.services.length).toBeGreaterThanOrEqual(30);
    expect(care.services.length).toBeLessThanOrEqual(50);
  });

  it('[CC1] every service routes to a department the file lists, and every department answers for a service', () => {
    for (const service of care.services) expect(catalogue.department(service.department), service.code).toBeDefined();
    for (const department of care.departments) expect(care.services.some((s) => s.department === department.code), department.code).toBe(true);
    expect(catalogue.service('WATER-BURST')?.department).toBe('joburg_water');
    expect(catalogue.service('ROAD-TRAFFIC-SIGNAL')?.department).toBe('jra');
    expect(catalogue.service('NO-SUCH-SERVICE')).toBeUndefined();
  });

  it('[CC1] the phone menu is 0860-JOBURG\'s: every option leads to a service, option 3 to Joburg Water\'s services only', () => {
    expect(care.phoneMenu.map((o) => `${o.digit}:${o.group}`)).toEqual(['1:accounts', '2:power', '3:water', '4:refuse', '5:roads', '6:transport', '0:other']);
    for (const option of care.phoneMenu) expect(care.services.some((s) => s.group === option.group), option.digit).toBe(true);
    const water = care.services.filter((s) => s.group === care.phoneMenu.find((o) => o.digit === '3')?.group);
    expect(water.length).toBeGreaterThanOrEqual(5);
    expect(new Set(water.map((s) => s.department))).toEqual(new Set(['joburg_water']));
    expect(new Set(care.services.filter((s) => s.group === 'power').map((s) => s.department))).toEqual(new Set(['city_power']));
    expect(new Set(care.services.filter((s) => s.group === 'transport').map((s) => s.department))).toEqual(new Set(['metrobus', 'rea_vaya']));
  });

  it('[CC1] each callback promise says aloud the time it is due in, and is due no later than the expected resolution', () => {
    for (const service of care.services) {
      expect(service.callbackPromise, service.code).toContain(spokenWithin(service.callbackWithinHours));
      expect(service.callbackWithinHours, service.code).toBeLessThanOrEqual(service.expectedHours);
    }
  });

  it('[CC1] the services where a danger means an emergency list their danger signs; account services list none', () => {
    for (const code of ['POWER-LINE-DOWN', 'POWER-OUTAGE-AREA', 'GAS-LEAK', 'ROAD-SINKHOLE', 'WATER-SEWER', 'PARK-TREE-FALLEN']) {
      expect(catalogue.service(code)?.dangerSigns.length ?? 0, code).toBeGreaterThan(0);
    }
    expect(catalogue.service('GAS-LEAK')?.dangerSigns.join(' ')).toMatch(/strong smell of gas/);
    for (const service of care.services.filter((s) => s.group === 'accounts')) expect(service.dangerSigns, service.code).toEqual([]);
  });

  it('[CC1] a field key means the same form in every service that asks for it', () => {
    const byKey = new Map<string, ExtraField>();
    for (const service of care.services) {
      for (const f of service.extraFields) {
        const first = byKey.get(f.key);
        if (first === undefined) byKey.set(f.key, f);
        else expect({ pattern: f.pattern, hint: f.hint }, `${service.code}.${f.key}`).toEqual({ pattern: first.pattern, hint: first.hint });
      }
    }
    for (const code of ['ACC-RATES-QUERY', 'ACC-STATEMENT', 'ACC-BILLING-QUERY', 'ACC-METER-READING', 'ACC-PAYMENT-DEPOSIT', 'ACC-REBATE']) {
      expect(field(code, 'account_number').isRequired, code).toBe(true);
    }
  });
});

describe('[CC1] extra fields accept good values and refuse bad ones, saying why', () => {
  it('[CC1] municipal account number: 10 digits, required for a billing query', () => {
    const account = field('ACC-BILLING-QUERY', 'account_number');
    for (const good of ['1234567890', '0001234567', ' 5500012345 ']) expect(extraFieldProblem(account, good), good).toBeNull();
    for (const bad of ['123456789', '12345678901', '12345 67890', '12345678a0', '-123456789']) {
      expect(extraFieldProblem(account, bad), bad).toBe('Municipal account number: 10 digits, as on the municipal account');
    }
    expect(extraFieldProblem(account, '')).toBe('Municipal account number is required');
    expect(extraFieldProblem(account, undefined)).toBe('Municipal account number is required');
    expect(extraFieldProblem(account, '   ')).toBe('Municipal account number is required');
  });

  it('[CC1] meter number (6-13 digits) and reading (1-8 digits), both required to submit a reading', () => {
    const meter = field('ACC-METER-READING', 'meter_number');
    const reading = field('ACC-METER-READING', 'meter_reading');
    for (const good of ['123456', '04123456789', '1234567890123']) expect(extraFieldProblem(meter, good), good).toBeNull();
    for (const bad of ['12345', '12345678901234', '0412-345678', 'A1234567']) expect(extraFieldProblem(meter, bad), bad).toBe('Meter number: 6 to 13 digits, as printed on the meter');
    for (const good of ['0', '4521', '12345678']) expect(extraFieldProblem(reading, good), good).toBeNull();
    for (const bad of ['123456789', '4521.5', '4,521', 'four']) expect(extraFieldProblem(reading, bad), bad).toBe('Meter reading: 1 to 8 digits, whole units only');
    expect(extraFieldProblem(meter, '')).toBe('Meter number is required');
    expect(extraFieldProblem(reading, '')).toBe('Meter reading is required');
  });

  it('[CC1] meter number is optional for no power at one property, still checked when given', () => {
    const meter = field('POWER-OUTAGE-HOUSE', 'meter_number');
    expect(extraFieldProblem(meter, '')).toBeNull();
    expect(extraFieldProblem(meter, '12')).toBe('Meter number: 6 to 13 digits, as printed on the meter');
  });

  it('[CC1] stand (erf) number: digits with an optional letter, portion or remainder, nothing else', () => {
    const stand = field('PLAN-BUILDING', 'stand_number');
    for (const good of ['1234', '1234A', '1234/5', 'RE/1234', 'Ptn/12', '12/3/4', '567ab']) expect(extraFieldProblem(stand, good), good).toBeNull();
    for (const bad of ['abc', 'erf twelve', '12 34', '1234//5', '/1234', '1234/', '1234567', '12;drop', 'RE/']) {
      expect(extraFieldProblem(stand, bad), bad).toMatch(/^Stand \(erf\) number: digits, maybe with a letter or \//);
    }
    expect(extraFieldProblem(stand, '')).toBe('Stand (erf) number is required');
    expect(extraFieldProblem(field('PLAN-PROPERTY-INFO', 'stand_number'), '')).toBeNull();
  });

  it('[CC1] traffic fine notice number: letters and digits joined by / or -, with a digit, 5-30 long', () => {
    const notice = field('JMPD-TRAFFIC-FINE', 'notice_number');
    for (const good of ['1234567890', '58/01234/567/123456', '02-4028-12345678-5', 'JHB2024A0001']) expect(extraFieldProblem(notice, good), good).toBeNull();
    const problem = 'Notice number: 5 to 30 letters and digits, parts joined by / or -, as printed on the fine';
    for (const bad of ['1234', 'ABCDEFGH', '12 34 56', '58//0123', '-123456', '123456-', '1234567890123456789012345678901', '12345!']) {
      expect(extraFieldProblem(notice, bad), bad).toBe(problem);
    }
    expect(extraFieldProblem(notice, '')).toBe('Notice number is required');
  });
});

describe('[CC1] a broken care-services.json stops start-up, naming the file and what is wrong', () => {
  let pack: CityPackCopy;
  beforeEach(() => {
    pack = copyCityPack();
  });
  afterEach(() => pack.dispose());

  function readCare(): RawCareFile {
    return pack.readJson(CARE_SERVICES_FILE) as RawCareFile;
  }

  function service(file: RawCareFile, index: number): Json {
    const found = file.services[index];
    if (found === undefined) throw new Error(`no service #${index}`);
    return found;
  }

  /** Runs loadCity on the copy and returns the CityDataError it throws. */
  function loadError(): CityDataError {
    try {
      loadCity(pack.dir);
    } catch (error) {
      if (error instanceof CityDataError) return error;
      throw error;
    }
    throw new Error('loadCity did not throw');
  }

  it('[CC1] a service naming an unknown department', () => {
    const file = readCare();
    const burst = file.services.findIndex((s) => s.code === 'WATER-BURST');
    service(file, burst).department = 'joburg_sewage';
    pack.writeJson(CARE_SERVICES_FILE, file);
    const error = loadError();
    expect(error.file).toContain(CARE_SERVICES_FILE);
    expect(error.record).toBeNull();
    expect(error.message).toBe(`${error.file}: services[${burst}].department: service WATER-BURST: no department joburg_sewage`);
  });

  it('[CC1] a service code listed twice', () => {
    const file = readCare();
    service(file, 5).code = String(service(file, 2).code);
    pack.writeJson(CARE_SERVICES_FILE, file);
    expect(loadError().message).toMatch(new RegExp(`care-services\\.json: services\\[5\\]\\.code: service ${String(service(file, 2).code)} is listed twice$`));
  });

  it('[CC1] an extra field whose pattern is not a regular expression', () => {
    const file = readCare();
    const index = file.services.findIndex((s) => s.code === 'ACC-BILLING-QUERY');
    const fields = service(file, index).extraFields as Json[];
    const account = fields[0];
    if (account === undefined) throw new Error('ACC-BILLING-QUERY has no field');
    account.pattern = '[0-9{10';
    pack.writeJson(CARE_SERVICES_FILE, file);
    expect(loadError().message).toMatch(
      new RegExp(`care-services\\.json: services\\[${index}\\]\\.extraFields\\[0\\]\\.pattern: service ACC-BILLING-QUERY: account_number has a pattern that is not a regular expression$`),
    );
  });

  it('[CC1] a menu option no service is in the group of', () => {
    const file = readCare();
    file.services = file.services.filter((s) => s.group !== 'transport');
    pack.writeJson(CARE_SERVICES_FILE, file);
    expect(loadError().message).toMatch(/care-services\.json: phoneMenu\[5\]\.group: menu option 6: no service in group transport$/);
  });

  it('[CC1] invalid JSON and a field of the wrong type name the file and the field', () => {
    const file = readCare();
    pack.writeText(CARE_SERVICES_FILE, '{"format": "care-services/1", "services": [');
    expect(loadError().message).toMatch(/care-services\.json: invalid JSON: /);
    service(file, 0).expectedHours = '48h';
    pack.writeJson(CARE_SERVICES_FILE, file);
    expect(loadError().message).toMatch(/care-services\.json: services\[0\]\.expectedHours: expected number, received string$/);
  });
});

describe('[CC1] a city pack without care-services.json runs no Care Connect line', () => {
  it.each(['andorra', 'monaco'])('[CC1] %s loads, with care null', (name) => {
    const { city } = loadCityPack(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)));
    expect(city.care).toBeNull();
    expect(city.fleet.length).toBeGreaterThan(0);
  });

  it('[CC1] Johannesburg without the file loads, with care null', () => {
    const pack = copyCityPack();
    try {
      pack.remove(CARE_SERVICES_FILE);
      const city = loadCity(pack.dir);
      expect(city.care).toBeNull();
      expect(city.wards).toHaveLength(135);
    } finally {
      pack.dispose();
    }
  });
});
