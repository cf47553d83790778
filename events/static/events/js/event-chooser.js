// An event chooser with nothing chosen yet opens at the events index (events.widgets), not at
// the root of the page tree; once an event is chosen it opens at that event's parent, as
// Wagtail's page chooser does. Wagtail's PageChooser is looked up when a chooser is made, so
// the order in which the form's scripts load does not matter.
window.EventPageChooser = function EventPageChooser(id, options) {
  const chooser = new window.PageChooser(id, options);
  const modalOptions = chooser.getModalOptions.bind(chooser);
  chooser.getModalOptions = function () {
    const result = modalOptions();
    if (!result.parentId && options.startParentId) {
      result.parentId = options.startParentId;
    }
    return result;
  };
  return chooser;
};
