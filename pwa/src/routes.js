// The route registry: every route list exported by features.js, most specific first.
import * as features from "./features.js";
import { bySpecificity, matchPath } from "./router.js";

export const ROUTES = Object.values(features).flat().sort(bySpecificity);

export function findRoute(path, user) {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (!route.public && !user) return { route: null, params, login: true };
    if (route.roles && !route.roles.includes(user?.role)) continue;
    return { route, params };
  }
  return { route: null, params: {} };
}

export function navRoutes(user) {
  return ROUTES.filter((r) => r.nav && user && (!r.roles || r.roles.includes(user.role)) &&
                       (!r.navRoles || r.navRoles.includes(user.role)))
    .sort((a, b) => a.nav.order - b.nav.order);
}
