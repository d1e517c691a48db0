import type { READINESS_CHANNELS } from '../../shared/contract/readiness.channels';
import type { HandlerDeps, HandlerSlice } from './types';

// The readiness core (and with it the EC2, Service Quotas and IAM clients) loads on first use.
const core = () => import('../core/readiness');

/** Account readiness: permission preflight and limits per region. */
export function readinessHandlers(deps: HandlerDeps): HandlerSlice<(typeof READINESS_CHANNELS)[number]> {
  return {
    'readiness:check': async ({ region, workspaceVcpus }) => {
      const session = deps.session.require();
      const { checkReadiness } = await core();
      return checkReadiness(session.aws, {
        region,
        workspaceVcpus,
        identity: { account: session.info.account, arn: session.info.arn },
      });
    },
    'readiness:permissions': async (names) => {
      const session = deps.session.require();
      const { checkPermissionsWithin } = await core();
      return checkPermissionsWithin(session.aws, session.info.arn, { resources: names });
    },
  };
}
