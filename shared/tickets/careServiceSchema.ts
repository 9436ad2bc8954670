import { z } from 'zod';

/**
 * [CC1] Care Connect's departments and services are data, a city-pack file (`care-services.json`), so another
 * city supplies its own. Each service has an Open311 service code, the department that answers for it, how long it
 * should take, the callback it promises and the extra fields it needs.
 */

export const DepartmentCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, 'department: a code of 2-31 lowercase letters, digits or _');
export type DepartmentCode = z.infer<typeof DepartmentCodeSchema>;

export const ServiceCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_-]{1,23}$/, 'serviceCode: 2-24 capitals, digits, _ or - (e.g. WATER-BURST)');
export type ServiceCode = z.infer<typeof ServiceCodeSchema>;

export const DepartmentSchema = z.object({
  code: DepartmentCodeSchema,
  name: z.string().min(1).max(80),
  /** What the department is responsible for, in a line. */
  description: z.string().max(300).default(''),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** The groups the phone menu's options lead to (0860-JOBURG: 1 accounts, 2 City Power, 3 Joburg Water, …). */
export const SERVICE_GROUPS = ['accounts', 'power', 'water', 'refuse', 'roads', 'transport', 'other'] as const;
export const ServiceGroupSchema = z.enum(SERVICE_GROUPS);
export type ServiceGroup = z.infer<typeof ServiceGroupSchema>;

/** An extra field a service needs: a meter number and reading, an account number, a stand number. */
export const ExtraFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, 'key: lowercase letters, digits or _'),
  label: z.string().min(1).max(60),
  /** A regular expression the value must match in full, checked for form only (the city's systems hold the truth). */
  pattern: z.string().min(1).max(200).optional(),
  /** What the pattern asks for, in words, for the refusal ("10 digits"). */
  hint: z.string().max(120).default(''),
  isRequired: z.boolean(),
});
export type ExtraField = z.infer<typeof ExtraFieldSchema>;

export const CareServiceSchema = z.object({
  code: ServiceCodeSchema,
  name: z.string().min(1).max(80),
  description: z.string().max(400).default(''),
  department: DepartmentCodeSchema,
  group: ServiceGroupSchema,
  /** Words callers use for it, for the agent's search ("no water", "pipe burst"). */
  keywords: z.array(z.string().min(1).max(40)).default([]),
  /** How long it should take to resolve, in hours: the ticket's expected date. */
  expectedHours: z.number().int().positive().max(24 * 365),
  /** The callback the city promises, as the agent reads it out, and how soon it is due. */
  callbackPromise: z.string().min(1).max(200),
  callbackWithinHours: z.number().int().positive().max(24 * 60),
  /** Whether the request is about a place (a burst pipe) or not (a statement). */
  needsLocation: z.boolean(),
  extraFields: z.array(ExtraFieldSchema).max(8).default([]),
  /** [CC7] Signs that make it an emergency (live wires down, a strong gas smell), read out to the agent. */
  dangerSigns: z.array(z.string().min(1).max(120)).default([]),
});
export type CareService = z.infer<typeof CareServiceSchema>;

export const PhoneMenuOptionSchema = z.object({
  digit: z.string().regex(/^[0-9]$/),
  label: z.string().min(1).max(60),
  group: ServiceGroupSchema,
});
export type PhoneMenuOption = z.infer<typeof PhoneMenuOptionSchema>;

export const CareServicesFileSchema = z
  .object({
    format: z.literal('care-services/1'),
    /** The line's number and name as residents know it. */
    line: z.object({ name: z.string().min(1), phone: z.string().min(1) }),
    departments: z.array(DepartmentSchema).min(1),
    services: z.array(CareServiceSchema).min(1),
    phoneMenu: z.array(PhoneMenuOptionSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const departments = new Set(file.departments.map((d) => d.code));
    if (departments.size !== file.departments.length) ctx.addIssue({ code: 'custom', path: ['departments'], message: 'a department code is listed twice' });
    const codes = new Set<string>();
    file.services.forEach((service, i) => {
      if (codes.has(service.code)) ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: `service ${service.code} is listed twice` });
      codes.add(service.code);
      if (!departments.has(service.department)) ctx.addIssue({ code: 'custom', path: ['services', i, 'department'], message: `service ${service.code}: no department ${service.department}` });
      service.extraFields.forEach((field, j) => {
        if (field.pattern === undefined) return;
        try {
          new RegExp(field.pattern);
        } catch {
          ctx.addIssue({ code: 'custom', path: ['services', i, 'extraFields', j, 'pattern'], message: `service ${service.code}: ${field.key} has a pattern that is not a regular expression` });
        }
      });
    });
    const digits = new Set(file.phoneMenu.map((o) => o.digit));
    if (digits.size !== file.phoneMenu.length) ctx.addIssue({ code: 'custom', path: ['phoneMenu'], message: 'a menu digit is listed twice' });
    file.phoneMenu.forEach((option, i) => {
      if (!file.services.some((s) => s.group === option.group)) ctx.addIssue({ code: 'custom', path: ['phoneMenu', i, 'group'], message: `menu option ${option.digit}: no service in group ${option.group}` });
    });
  });
export type CareServicesFile = z.infer<typeof CareServicesFileSchema>;

/** [CC1] The catalogue a server runs with: the file, and lookups by code. */
export interface CareCatalogue {
  file: CareServicesFile;
  service(code: string): CareService | undefined;
  department(code: string): Department | undefined;
}

export function careCatalogue(file: CareServicesFile): CareCatalogue {
  const services = new Map(file.services.map((s) => [s.code, s]));
  const departments = new Map(file.departments.map((d) => [d.code, d]));
  return { file, service: (code) => services.get(code), department: (code) => departments.get(code) };
}

/** [CC1] An extra field's value checked against its service's form: null when it passes, else the reason. */
export function extraFieldProblem(field: ExtraField, value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return field.isRequired ? `${field.label} is required` : null;
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(text)) return `${field.label}: ${field.hint || 'not in the expected form'}`;
  return null;
}
