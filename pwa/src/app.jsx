// The app shell: skip link, top bar, the current screen (a lazy chunk), bottom navigation.
import { useEffect, useRef } from "preact/hooks";
import { language, t, newScreen } from "./lib/i18n.js";
import { currentUser } from "./lib/session.js";
import { findRoute, navRoutes } from "./routes.js";
import { Link, currentPath, navigate } from "./router.js";
import { Icon } from "./ui/icons.jsx";
import { Loading, Page, ErrorNote } from "./ui/kit.jsx";
import { useModule } from "./ui/Lazy.jsx";
import { PendingBar } from "./ui/pending.jsx";
import { WordingFooter } from "./wording/Footer.jsx";

function NotFound() {
  return (
    <Page title={t("Page not found")}>
      <p><Link href="/">{t("Go to the start page")}</Link></p>
    </Page>
  );
}

function Outlet({ path, search, user }) {
  const { route, params, login } = findRoute(path, user);
  useEffect(() => {
    if (login) navigate(user === null ? "/welcome" : "/", { replace: true });
  }, [login, user]);
  const screen = useModule(route?.load);
  if (!route) return login ? <Loading /> : <NotFound />;
  if (!screen) return <main id="main" class="page"><Loading /></main>;
  if (screen.error) {
    return (
      <Page title={t("This page could not be loaded")}>
        <ErrorNote error={{ message: t("You are offline. Try again when you have internet.") }} />
      </Page>
    );
  }
  const { Part: Screen } = screen;
  return <Screen params={params} query={new URLSearchParams(search)} />;
}

function BottomNav({ user, path }) {
  const items = navRoutes(user).filter((r) => r.nav.place !== "top");
  const bar = useRef(null);
  useEffect(() => {
    // With large text the bar wraps onto more rows; the page keeps room for it.
    if (!bar.current || !window.ResizeObserver) return undefined;
    const observer = new ResizeObserver(([entry]) => document.documentElement.style
      .setProperty("--nav-height", `${Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height)}px`));
    observer.observe(bar.current);
    return () => observer.disconnect();
  }, [items.length]);
  if (!items.length) return null;
  return (
    <nav class="bottom-nav" aria-label={t("Main menu")} ref={bar}>
      {items.map((r) => {
        const active = r.path === "/" ? path === "/" : path.startsWith(r.path);
        return (
          <Link key={r.path} href={r.path} aria-current={active ? "page" : undefined}>
            <Icon name={r.nav.icon} />
            <span>{r.nav.label()}</span>
          </Link>
        );
      })}
    </nav>
  );
}

function TopBar({ user }) {
  const top = navRoutes(user).filter((r) => r.nav.place === "top");
  return (
    <header class="top-bar">
      <Link href="/" class="brand">Meedoen</Link>
      {top.map((r) => (
        <Link key={r.path} href={r.path} class="top-link">
          <Icon name={r.nav.icon} /><span>{r.nav.label()}</span>
        </Link>
      ))}
    </header>
  );
}

export function App() {
  const where = currentPath.value;
  const user = currentUser.value;
  void language.value; // a new language draws the whole app again
  const [path, search = ""] = where.split("?");
  const shown = useRef(null);
  if (shown.current !== path) { shown.current = path; newScreen(); }
  return (
    <>
      <a class="skip-link" href="#main">{t("Skip to content")}</a>
      <TopBar user={user} />
      {user && <PendingBar />}
      <Outlet path={path} search={search} user={user} />
      <WordingFooter user={user} path={path} />
      <BottomNav user={user} path={path} />
    </>
  );
}
