import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { signedIn } from "../lib/session.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page, TextField } from "../ui/kit.jsx";

export default function Redeem({ query }) {
  const [form, setForm] = useState({ code: query.get("code") || "", display_name: "",
                                     username: "", password: "" });
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const { busy, error, submit } = useAction(async () => {
    const me = await api("/auth/redeem", { method: "POST",
      body: { ...form, ui_language: lang(), languages: [lang()] } });
    await signedIn(me);
    navigate("/welcome/privacy");
  });
  const fields = error?.fields || {};
  return (
    <Page title={t("Your invite code")} back="/welcome">
      <form onSubmit={submit} noValidate>
        <TextField label={t("Invite code")} hint={t("You got it from your mentor, for example ABCD-2345.")}
          name="code" value={form.code} onValue={set("code")} error={fields.code} autocomplete="off"
          autocapitalize="characters" dir="ltr" required />
        <TextField label={t("Your name in the app")} hint={t("Others may see this name. You can use a nickname.")}
          name="display_name" value={form.display_name} onValue={set("display_name")} error={fields.display_name}
          autocomplete="nickname" required />
        <TextField label={t("Username")} hint={t("3 to 40 letters a–z, digits, dots or dashes. You log in with it.")}
          name="username" value={form.username} onValue={set("username")} error={fields.username}
          autocomplete="username" autocapitalize="none" dir="ltr" required />
        <TextField label={t("Password")} hint={t("At least 10 characters. Do not use the same password as elsewhere.")}
          name="password" type="password" value={form.password} onValue={set("password")} error={fields.password}
          autocomplete="new-password" dir="ltr" required />
        <ErrorNote error={error} />
        <Button type="submit" busy={busy} class="btn btn-primary btn-block">{t("Create my account")}</Button>
      </form>
    </Page>
  );
}
