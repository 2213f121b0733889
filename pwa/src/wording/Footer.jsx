// A small line under every screen: suggest a better wording of this screen's texts (not in
// Dutch or English), and the links for reviewers and admins. Its screens are lazy chunks.
import { useEffect, useState } from "preact/hooks";
import { api } from "../lib/api.js";
import { drawnTexts, lang, t } from "../lib/i18n.js";
import { Link, navigate } from "../router.js";
import { TEAM_LANGUAGES, rememberScreen } from "./screen.js";

let reviewing = null; // the languages I review, asked once per page load

/** The screen's own texts (those shown in <main>) before the menus' and the top bar's. */
function screenFirst(msgids) {
  const shown = document.getElementById("main")?.innerText || "";
  const inMain = (msgid) => {
    const text = t(msgid); // a plural message gives its forms: never in one piece on screen
    return typeof text === "string" && shown.includes(text.split(/\{\w+\}/)[0].trim());
  };
  return [...msgids.filter(inMain), ...msgids.filter((m) => !inMain(m))];
}

export function WordingFooter({ user, path }) {
  const [languages, setLanguages] = useState(reviewing || []);
  useEffect(() => {
    if (!user || reviewing) return;
    reviewing = [];
    api("/ui-texts/review-languages").then((d) => { reviewing = d.languages; setLanguages(reviewing); },
      () => { reviewing = null; });
  }, [user]);
  if (!user || path.startsWith("/wording/")) return null;
  const suggest = !TEAM_LANGUAGES.has(lang());
  if (!suggest && !languages.length && user.role !== "admin") return null;
  const open = () => { rememberScreen(path, screenFirst(drawnTexts())); navigate("/wording/suggest"); };
  return (
    <footer class="wording-footer">
      {suggest && <button type="button" class="link-button" onClick={open}>{t("Suggest a better wording")}</button>}
      {languages.length > 0 && <Link href="/wording/review">{t("Review wordings")}</Link>}
      {user.role === "admin" && <Link href="/wording/reviewers">{t("Reviewers of wordings")}</Link>}
    </footer>
  );
}
