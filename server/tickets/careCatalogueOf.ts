import type { CareCatalogue, CareService } from '../../shared/tickets/careServiceSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';

/** [CC1] The city's catalogue and the named service, or the refusal to answer with. */
export function serviceOf<T>(ctx: CadContext, serviceCode: string): { catalogue: CareCatalogue; service: CareService } | CommandOutcome<T> {
  const catalogue = ctx.city.care;
  if (!catalogue) return refusal('care_not_offered', `${ctx.city.data.name} runs no Care Connect line`);
  const service = catalogue.service(serviceCode);
  if (!service) return refusal('service_not_found', `no service ${serviceCode}: see the services list`);
  return { catalogue, service };
}
