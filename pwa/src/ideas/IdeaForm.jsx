import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { LANGUAGES } from "../lib/languages.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { useCategories } from "./parts.jsx";

export default function IdeaForm() {
  const categories = useCategories();
  const [form, setForm] = useState({ title: "", description: "", category: "", language: lang(),
                                     will_help_organise: false });
  const { busy, error, submit } = useAction(async () => {
    const idea = await api("/ideas", { method: "POST", body: form });
    navigate(`/ideas/${idea.id}`);
  });
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = error?.fields || {};
  return (
    <Page title={t("Propose an idea")} back="/ideas">
      <p class="hint">{t("If you were the boss, what would you organise? Write it in your own language.")}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={t("Your idea in a few words")} name="title" value={form.title}
          onValue={set("title")} error={fields.title} maxLength={120} required />
        <TextField label={t("Tell us more")} name="description" multiline rows={5}
          value={form.description} onValue={set("description")} error={fields.description}
          maxLength={1000} required />
        <SelectField label={t("Category")} name="category" value={form.category}
          onValue={set("category")} error={fields.category}
          options={[{ value: "", label: t("Choose a category") },
                    ...categories.map((c) => ({ value: c.slug, label: c.label }))]} />
        <SelectField label={t("Written in")} name="language" value={form.language}
          onValue={set("language")} error={fields.language}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <Toggle label={t("I would help organise this")} checked={form.will_help_organise}
          onChange={set("will_help_organise")} />
        <ErrorNote error={error} />
        <Button type="submit" icon="send" busy={busy}>{t("Send my idea")}</Button>
      </form>
    </Page>
  );
}
