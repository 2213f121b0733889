import { t } from "../lib/i18n.js";
import { ButtonLink, Page, ReadAloud } from "../ui/kit.jsx";

export function privacyPoints() {
  return [
    t("Meedoen only knows the name you chose, your languages and your interests. Not your birthday, not your country."),
    t("Your mentor and youth workers of your municipality can see your name and what you signed up for."),
    t("Other young people only see your name if you turn that on, separately for activities you go to, ideas you propose and ideas you support."),
    t("You can download everything we know about you, and delete your account, in Settings."),
  ];
}

export default function Privacy() {
  const points = privacyPoints();
  return (
    <Page title={t("Your privacy")}>
      <ul>{points.map((p) => <li key={p}>{p}</li>)}</ul>
      <ReadAloud text={points.join(" ")} />
      <div class="btn-row">
        <ButtonLink href="/welcome/interests">{t("OK, next")}</ButtonLink>
      </div>
    </Page>
  );
}
