import { Hono, type Context } from 'hono';
import { deletePost, editPost, getPostForEdit, listRevisions, locatePost } from '../forum/posts.js';
import { pageOfPost } from '../forum/threads.js';
import { editPostPage } from '../../views/pages/post-edit.js';
import { revisionsPage } from '../../views/pages/revisions.js';
import type { AppEnv } from './env.js';
import { formErrors, idParam, loginRedirect, postPath, readForm, threadPath, type FormErrors } from './forms.js';
import { renderPage } from './render.js';

function renderEdit(
  c: Context<AppEnv>,
  post: { id: number; threadId: number; slug: string; title: string | null },
  values: { title: string | null; body: string },
  errors: FormErrors,
  status: 200 | 401 | 422,
) {
  const view = editPostPage({ postId: post.id, threadPath: threadPath(post.threadId, post.slug), title: values.title, body: values.body, errors });
  return renderPage(c, view, { title: 'Edit your post' }, status);
}

export const postRoutes = new Hono<AppEnv>()
  .get('/p/:id{[0-9]+}', (c) => {
    const location = locatePost(c.var.services, idParam(c.req.param('id')));
    return c.redirect(postPath(location), 302);
  })
  .get('/p/:id{[0-9]+}/edit', (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    const post = getPostForEdit(c.var.services, c.var.viewer, idParam(c.req.param('id')));
    return renderEdit(c, post, { title: post.title, body: post.body }, {}, 200);
  })
  .post('/p/:id{[0-9]+}/edit', async (c) => {
    const postId = idParam(c.req.param('id'));
    const form = await readForm(c);
    const values = { title: form['title'] ?? null, body: form['body'] ?? '' };
    try {
      const location = await editPost(c.var.services, c.var.viewer, { postId, body: values.body, ...(values.title !== null ? { title: values.title } : {}) });
      return c.redirect(postPath(location), 303);
    } catch (error) {
      const { status, errors } = formErrors(error);
      const location = locatePost(c.var.services, postId);
      return renderEdit(c, { id: postId, threadId: location.threadId, slug: location.slug, title: values.title }, values, errors, status);
    }
  })
  .post('/p/:id{[0-9]+}/delete', (c) => {
    const location = deletePost(c.var.services, c.var.viewer, { postId: idParam(c.req.param('id')) });
    return c.redirect(postPath(location), 303);
  })
  .get('/p/:id{[0-9]+}/revisions', (c) => {
    if (!c.var.viewer) return loginRedirect(c);
    const { post, revisions } = listRevisions(c.var.services, c.var.viewer, idParam(c.req.param('id')));
    return renderPage(c, revisionsPage({ threadPath: postPath({ ...post, page: pageOfPost(post.number) }), post, revisions }), {
      title: `Edit history of post #${post.number}`,
    });
  });
