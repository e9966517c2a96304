import { msg } from '../i18n/message.js';
import { canConfigure, isStaff } from '../forum/permissions.js';
import type { SignedIn, Viewer } from '../lib/context.js';
import { Forbidden, Unauthenticated } from '../lib/errors.js';

// The first step of every /mod and /admin service: routes guard too, but services stand alone
// (the command line, tests and future APIs call them without the route in front).

export function requireStaff(viewer: Viewer): SignedIn {
  if (viewer === null) throw new Unauthenticated(msg('mod.logIn'));
  if (!isStaff(viewer)) throw new Forbidden(msg('mod.teamAreaOnly'));
  return viewer;
}

export function requireConfigurer(viewer: Viewer): SignedIn {
  const staff = requireStaff(viewer);
  if (!canConfigure(staff)) throw new Forbidden(msg('mod.adminsOnly'));
  return staff;
}
