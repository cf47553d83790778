// An event chooser with nothing chosen yet opens at the events index (events.widgets), not at
// the root of the page tree; once an event is chosen it opens at that event's parent, as
// Wagtail's page chooser does.
(function () {
  if (!window.PageChooser || window.EventPageChooser) { return; }
  class EventPageChooser extends window.PageChooser {
    getModalOptions() {
      const options = super.getModalOptions();
      if (!options.parentId && this.opts.startParentId) {
        options.parentId = this.opts.startParentId;
      }
      return options;
    }
  }
  window.EventPageChooser = EventPageChooser;
})();
