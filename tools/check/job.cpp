// `proceedings check` as a job: the rules resolved from the venue and the
// flags, the files checked in parallel, results handed on as they arrive.
#include <optional>

#include "check/annotate.hpp"
#include "proceedings/check/batch.hpp"
#include "check/html_report.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "check/job.hpp"
#include "proceedings/model.hpp"
#include "proceedings/parallel.hpp"
#include "proceedings/volume.hpp"

namespace proceedings {

namespace {

check::CheckRules resolve_rules(const CheckJob& o) {
  check::CheckRules rules;
  rules.stage = stage_of(o);
  if (!o.venue.empty() || o.loaded) {
    const Workshop w = o.loaded ? *o.loaded : load_workshop(o.venue);
    if (!w.submission && !w.camera_ready)
      throw usage_error(o.venue + "/workshop.yaml", "has no 'submission' or 'camera_ready' rules to check against");
    rules = check::rules_for_venue(w, rules.stage);
  } else if (rules.stage == Stage::submission) {
    rules.acm_checks = check::AcmChecks::off;  // acmart's placeholders are what a submission carries
  }
  if (!o.pages.empty()) check::apply_page_range(rules, o.pages);
  if (!o.paper.empty()) rules.paper = o.paper;
  if (o.columns) rules.columns = o.columns;
  if (!o.template_name.empty()) rules = [&] {
    check::CheckRules r = rules;
    r.template_name = o.template_name;
    if (o.template_name.rfind("acmart", 0) == 0) r.min_side_margin_pt = 48;
    return r;
  }();
  if (o.review == "double-blind") rules.review = Review::double_blind;
  if (o.review == "single-blind") rules.review = Review::single_blind;
  return rules;
}

Exit exit_status(bool failed, bool errored) {
  if (errored) return Exit::input;
  return failed ? Exit::failed : Exit::ok;
}

}  // namespace

// Camera-ready unless asked: the uploads collect, build and notify handle are
// camera-ready versions. A review mode given alone is the submission's.
Stage stage_of(const CheckJob& o) {
  if (o.stage.empty()) return o.review.empty() ? Stage::camera_ready : Stage::submission;
  const auto stage = stage_named(o.stage);
  if (!stage) throw usage_error("--stage", "'" + o.stage + "' is not a stage: submission or camera-ready");
  if (*stage == Stage::camera_ready && !o.review.empty())
    throw usage_error("--review", "applies to the submission stage; a camera-ready paper shows its authors");
  return *stage;
}

VolumeCheckResult run_volume_check(const CheckJob& o,
                                   const std::function<void(const Workshop&, const std::filesystem::path&)>& on_workshop) {
  if (o.inputs.size() != 1 || !fs::is_directory(o.inputs.front()))
    throw usage_error("--volume", "takes one folder of papers, with a folder per workshop named by its id");
  if (!o.html.empty() || !o.annotate.empty() || !o.pages.empty() || !o.paper.empty() || o.columns || !o.template_name.empty())
    throw usage_error("--volume", "checks each workshop with its own rules: no rule flags, --html or --annotate");
  const Volume volume = load_volume(o.volume);
  VolumeCheckResult result;
  bool failed = false, errored = false;
  for (const Workshop& w : volume.workshops) {
    WorkshopTally tally{w.acronym, "", 0, 0, 0, 0};
    const fs::path folder = fs::path(o.inputs.front()) / w.id;
    if (!w.submission && !w.camera_ready) tally.not_checked = "no rules in " + (w.folder / "workshop.yaml").string();
    else if (!fs::is_directory(folder)) tally.not_checked = "no folder " + folder.string();
    if (tally.not_checked.empty()) {
      CheckJob one = o;
      one.volume.clear();
      one.venue = w.folder.string();
      one.loaded = std::make_shared<const Workshop>(w);
      one.inputs = {folder.string()};
      one.on_paper = [&](const check::Analysis& a) {
        ++tally.papers;
        tally.passed += a.verdict == check::Verdict::pass;
        tally.failed += a.verdict == check::Verdict::fail;
        tally.unreadable += a.verdict == check::Verdict::error;
        if (o.on_paper) o.on_paper(a);
      };
      if (on_workshop) on_workshop(w, folder);
      run_check(one);
      failed |= tally.failed > 0;
      errored |= tally.unreadable > 0;
    }
    result.workshops.push_back(std::move(tally));
  }
  result.status = exit_status(failed, errored);
  return result;
}

// Results are handed on as they arrive; only --html needs them all at the end.
Exit run_check(const CheckJob& o) {
  const check::CheckRules rules = resolve_rules(o);
  const auto files = expand_inputs(o.inputs, ".pdf");
  if (!o.html.empty()) refuse_output_over_input(o.html, OutputKind::html, files, "--html");
  if (!o.annotate.empty()) refuse_output_folder_over_file(o.annotate, "--annotate");
  const unsigned jobs = o.jobs ? o.jobs : default_jobs();
  if (o.on_files) o.on_files(files);
  std::vector<check::Analysis> for_html;
  std::optional<check::AnnotatedCopies> copies;
  if (!o.annotate.empty()) copies.emplace(o.annotate, files);
  bool failed = false, errored = false;
  check::for_each_checked(files, rules, jobs, [&](check::Analysis&& a) {
    if (o.on_paper) o.on_paper(a);
    failed |= a.verdict == check::Verdict::fail;
    errored |= a.verdict == check::Verdict::error;
    if (copies) copies->write(a);
    if (!o.html.empty()) for_html.push_back(std::move(a));
  });
  if (!o.html.empty()) write_file_atomic(o.html, check::html_report(for_html, 40, stage_name(rules.stage)));
  return exit_status(failed, errored);
}

}  // namespace proceedings
