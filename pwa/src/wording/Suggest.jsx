// "Suggest a better wording": the texts the last screen drew, each with its current
// translation and a field for a better one. A reviewer who speaks the language decides.
import { useEffect, useState } from "preact/hooks";
import { api, query } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { Button, Empty, ErrorNote, Loading, Page, TextField } from "../ui/kit.jsx";
import { TEAM_LANGUAGES, rememberedScreen } from "./screen.js";
import "./wording.css";

const PER_REQUEST = 25; // msgids per GET, to keep the address short

async function screenTexts(language, msgids) {
  const texts = [];
  for (let i = 0; i < msgids.length; i += PER_REQUEST) {
    const part = await api("/ui-texts" + query({ language, msgid: msgids.slice(i, i + PER_REQUEST) }));
    texts.push(...part.texts);
  }
  return texts;
}

function TextItem({ text, language }) {
  const [wording, setWording] = useState("");
  const [state, setState] = useState({});
  const send = async (event) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      await api("/ui-texts/suggestions", { method: "POST", body: { language, msgid: text.msgid, text: wording } });
      setState({ sent: true });
    } catch (error) {
      setState({ error });
    }
  };
  const hint = text.placeholders.length
    ? t("Keep these parts as they are: {parts}", { parts: text.placeholders.join(" ") }) : undefined;
  return (
    <li class="card wording-item" data-msgid={text.msgid}>
      <p class="wording-current" lang={language} dir="auto">{text.current}</p>
      {state.sent ? <p class="note" role="status">{t("Thank you! A reviewer who speaks your language will look at it.")}</p> : (
        <form onSubmit={send}>
          <TextField label={t("Better wording")} hint={hint} multiline rows={2} maxLength={1000}
            lang={language} value={wording} onValue={setWording} error={state.error?.fields?.text} />
          <ErrorNote error={state.error && !state.error.fields?.text ? state.error : null} />
          <Button type="submit" kind="secondary" busy={state.busy} disabled={!wording.trim()}>{t("Send")}</Button>
        </form>
      )}
    </li>
  );
}

export default function Suggest() {
  const language = lang();
  const screen = rememberedScreen();
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    if (TEAM_LANGUAGES.has(language)) return setState({ texts: [] });
    screenTexts(language, screen.msgids).then((texts) => setState({ texts }), (error) => setState({ error }));
  }, [language]);
  return (
    <Page title={t("Suggest a better wording")} back={screen.path}>
      <p>{t("These are the texts of the screen you were on. Is a text unclear or wrong in your language? Write how you would say it.")}</p>
      <ErrorNote error={state.error} />
      {state.loading && <Loading />}
      {state.texts && state.texts.length === 0 && <Empty>{t("There are no texts to improve here.")}</Empty>}
      {state.texts && state.texts.length > 0 && (
        <ul class="card-list">
          {state.texts.map((text) => <TextItem key={text.msgid} text={text} language={language} />)}
        </ul>
      )}
    </Page>
  );
}
