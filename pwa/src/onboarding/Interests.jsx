import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { t } from "../lib/i18n.js";
import { currentUser, updateMe } from "../lib/session.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page } from "../ui/kit.jsx";
import { InterestPicker } from "../settings/InterestPicker.jsx";

export default function Interests() {
  const user = currentUser.value;
  const [chosen, setChosen] = useState(user?.interests || []);
  const { busy, error, run: save } = useAction(async () => {
    await updateMe({ interests: chosen });
    navigate("/", { replace: true });
  });
  return (
    <Page title={t("What do you like to do?")}>
      <p>{t("Choose as many as you like. We show you activities that fit.")}</p>
      <InterestPicker chosen={chosen} onChange={setChosen} />
      <ErrorNote error={error} />
      <div class="btn-row">
        <Button busy={busy} onClick={save}>{t("Save")}</Button>
      </div>
    </Page>
  );
}
