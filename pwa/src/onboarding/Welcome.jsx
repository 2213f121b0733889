import { useEffect, useState } from "preact/hooks";
import { setLanguage, t } from "../lib/i18n.js";
import { navigate } from "../router.js";
import { currentUser } from "../lib/session.js";
import { ButtonLink, Page } from "../ui/kit.jsx";
import { LanguagePicker } from "./LanguagePicker.jsx";

export default function Welcome() {
  const user = currentUser.value;
  const [chosen, setChosen] = useState(false);
  useEffect(() => { if (user) navigate("/", { replace: true }); }, [user]);
  const pick = async (code) => {
    await setLanguage(code);
    setChosen(true);
    document.getElementById("next-steps")?.scrollIntoView({ block: "nearest" });
  };
  return (
    <Page title={t("Welcome to Meedoen")}>
      <p>{t("Choose your language.")}</p>
      <LanguagePicker onPick={pick} label={t("Languages")} />
      <div id="next-steps" class="btn-row">
        <ButtonLink href="/welcome/code" icon="qr" kind={chosen ? "primary" : "secondary"}>
          {t("I have an invite code")}
        </ButtonLink>
        <ButtonLink href="/login" kind="secondary">{t("I already have an account")}</ButtonLink>
      </div>
    </Page>
  );
}
