// Field checks as the user types, in Vue: validateConnectionName and validateMetadata answer issue
// lists, shown under their fields. Render functions, so no single-file-component plugin is needed.
import { computed, createApp, h, ref } from 'vue';
import { validateConnectionName, validateMetadata } from 'idp-connections/validate';

const App = {
  setup() {
    const name = ref('');
    const metadata = ref('{}');
    const nameIssues = computed(() => validateConnectionName(name.value));
    const metadataIssues = computed(() => {
      try {
        return validateMetadata(JSON.parse(metadata.value));
      } catch {
        return [{ path: [], code: 'syntax', message: 'metadata must be JSON' }];
      }
    });
    const messages = (issues, id) => issues.map((i) => h('p', { role: 'alert', class: id }, i.message));
    return () =>
      h('form', { onSubmit: (e) => e.preventDefault() }, [
        h('label', ['Name ', h('input', { id: 'name', value: name.value, onInput: (e) => (name.value = e.target.value) })]),
        ...messages(nameIssues.value, 'name-error'),
        h('label', ['Metadata (JSON) ', h('textarea', { id: 'metadata', value: metadata.value, onInput: (e) => (metadata.value = e.target.value) })]),
        ...messages(metadataIssues.value, 'metadata-error'),
        h('p', { id: 'status' }, nameIssues.value.length || metadataIssues.value.length ? 'fix the fields above' : 'ready'),
      ]);
  },
};

createApp(App).mount('#app');
