import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { signedIn } from "../lib/session.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page, TextField } from "../ui/kit.jsx";

export default function Login() {
  const [form, setForm] = useState({ username: "", password: "" });
  const { busy, error, submit } = useAction(async () => {
    await signedIn(await api("/auth/login", { method: "POST", body: form }));
    navigate("/", { replace: true });
  });
  return (
    <Page title={t("Log in")} back="/welcome">
      <form onSubmit={submit} noValidate>
        <TextField label={t("Username")} name="username" value={form.username} autocomplete="username"
          autocapitalize="none" dir="ltr" onValue={(v) => setForm({ ...form, username: v })}
          error={error?.fields?.username} required />
        <TextField label={t("Password")} name="password" type="password" value={form.password} dir="ltr"
          autocomplete="current-password" onValue={(v) => setForm({ ...form, password: v })}
          error={error?.fields?.password} required />
        <ErrorNote error={error} />
        <Button type="submit" busy={busy} class="btn btn-primary btn-block">{t("Log in")}</Button>
      </form>
    </Page>
  );
}
