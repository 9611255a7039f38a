// The ten points' rules and the governance rows, in the checklist's order (docs/CHECKLIST.md). `design` is not
// here: its checks are the AgID criteria in rules/design/, joined in by src/check/registry.ts.
import type { Rule } from '../src/types.js';
import accessibility from './accessibility.js';
import analytics from './analytics.js';
import anpr from './anpr.js';
import assistant from './assistant.js';
import cie from './cie.js';
import cloud from './cloud.js';
import io from './io.js';
import onlineServices from './online-services.js';
import openData from './open-data.js';
import openSource from './open-source.js';
import pagopa from './pagopa.js';
import privacy from './privacy.js';
import security from './security.js';
import spid from './spid.js';

export const pointRules: Rule[] = [
  anpr,
  pagopa,
  spid,
  cie,
  openSource,
  cloud,
  onlineServices,
  io,
  openData,
  security,
  privacy,
  accessibility,
  analytics,
  assistant,
];
