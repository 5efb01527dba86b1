// citex._core: the C++ side of the Python module. Every function runs the
// CLI's own pipeline (readers, passes, stages) and writers with the GIL
// released, and hands Python the text a writer wrote; the package's
// __init__.py turns JSON text into dicts with Python's json module, so the
// dicts are the -f json records and no second serialiser can drift.
#include <fmt/format.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "extractor/pipeline.h"
#include "extractor/read/items.h"
#include "formats/writer.h"

namespace py = pybind11;

namespace citex {
namespace {

size_t ThreadCount(int threads) {
  if (threads < 0) throw py::value_error("threads must be 0 (all cores) or more");
  if (threads > 0) return static_cast<size_t>(threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

// "item 3: reason" for items (0-based, as Python counts); "FILE:LINE: reason" for files.
std::string Describe(const InputError& error, const char* noun) {
  if (noun != nullptr) return fmt::format("{} {}: {}", noun, error.line - 1, error.reason);
  std::string where = error.path;
  if (error.line > 0) where += ":" + std::to_string(error.line);
  return where + ": " + error.reason;
}

// Python items as the item reader's: a str is an abstract (when
// `strings` allows it), a dict one JSON record (json.dumps, which refuses
// what JSON cannot hold). Anything else names its position.
std::vector<Item> ToItems(const py::iterable& objects, bool strings, const char* noun) {
  const py::object dumps = py::module_::import("json").attr("dumps");
  std::vector<Item> items;
  const auto fail = [&](const std::string& reason) {
    return py::value_error(fmt::format("{} {}: {}", noun, items.size(), reason));
  };
  for (py::handle object : objects) {
    py::object text = py::reinterpret_borrow<py::object>(object);
    const bool json = PyDict_Check(object.ptr());
    if (json) {
      try {
        text = dumps(object, py::arg("ensure_ascii") = false, py::arg("allow_nan") = false);
      } catch (const py::error_already_set& e) {
        throw fail(py::str(e.value()));  // the message, without a traceback
      }
    } else if (!strings || !PyUnicode_Check(object.ptr())) {
      throw fail(std::string(strings ? "expected a str or a dict" : "expected a dict") + ", got " +
                 std::string(py::str(py::type::handle_of(object).attr("__name__"))));
    }
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data == nullptr) {
      PyErr_Clear();
      throw fail("text is not valid Unicode (a lone surrogate)");
    }
    items.push_back({std::string(data, static_cast<size_t>(size)), json});
  }
  return items;
}

// Runs the pipeline over `items` and writes every paper in `format`. The
// first bad item stops the run and raises. Called without the GIL.
std::string RunItems(std::vector<Item> items, InputFormat input, size_t threads,
                     const FormatInfo& format, const char* noun,
                     std::optional<std::string>& error) {
  PipelineOptions options;
  options.reader.format = input;
  options.reader.strict = options.strict = true;
  options.threads = threads;
  std::unique_ptr<Writer> writer = format.make(WriterOptions());
  std::string out;
  writer->Begin(out);
  Pipeline pipeline(
      options, CorePasses(), CoreStages(StageOptions()),
      [&](const Paper& paper) {
        writer->Write(paper, out);
        return true;
      },
      [&](const InputError& e) {
        if (!e.warning && !error) error = Describe(e, noun);
      });
  pipeline.Run([&](const ErrorSink& errors) {
    return MakeItemReader(std::move(items), "", options.reader, errors);
  });
  writer->End(out);
  return out;
}

py::str Run(const py::iterable& objects, bool strings, InputFormat input, int threads,
            const FormatInfo& format, const char* noun) {
  const size_t thread_count = ThreadCount(threads);
  std::vector<Item> items = ToItems(objects, strings, noun);
  std::optional<std::string> error;
  std::string out;
  {
    py::gil_scoped_release release;
    out = RunItems(std::move(items), input, thread_count, format, noun, error);
  }
  if (error) throw py::value_error(*error);
  return py::str(out);
}

// The records of a file, streamed: a thread runs the pipeline and hands
// over JSON Lines a batch at a time, at most kQueued batches ahead of Python.
class RecordStream {
 public:
  RecordStream(std::string path, const std::string& input, int threads) {
    const std::optional<InputFormat> format = ParseInputFormat(input);
    if (!format) throw py::value_error("unknown input format \"" + input + "\"");
    options_.reader.format = *format;
    options_.reader.strict = options_.strict = true;
    options_.threads = ThreadCount(threads);
    thread_ = std::thread([this, path = std::move(path)] { Produce(path); });
  }

  ~RecordStream() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      cancelled_ = true;
    }
    changed_.notify_all();
    py::gil_scoped_release release;
    thread_.join();
  }

  // (JSON Lines, warnings); (None, warnings) at the end. Raises ValueError
  // at the first bad record, after the records before it.
  py::tuple Next() {
    std::optional<std::string> chunk;
    std::vector<std::string> warnings;
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return !chunks_.empty() || done_; });
      warnings.swap(warnings_);
      if (!chunks_.empty()) {
        chunk = std::move(chunks_.front());
        chunks_.pop_front();
      }
    }
    changed_.notify_all();
    if (!chunk && error_) throw py::value_error(*error_);
    py::object text = chunk ? py::object(py::str(*chunk)) : py::object(py::none());
    return py::make_tuple(text, py::cast(warnings));
  }

 private:
  static constexpr size_t kQueued = 4;

  void Produce(const std::string& path) {
    std::unique_ptr<Writer> writer = FindFormat("jsonl")->make(WriterOptions());
    std::string chunk;
    Pipeline pipeline(
        options_, CorePasses(), CoreStages(StageOptions()),
        [&](const Paper& paper) {
          writer->Write(paper, chunk);
          return !cancelled_;  // Python let go of the stream: stop the run
        },
        [&](const InputError& e) {
          std::lock_guard<std::mutex> lock(mutex_);
          if (e.warning) {
            warnings_.push_back(Describe(e, nullptr));
          } else if (!error_) {
            error_ = Describe(e, nullptr);
          }
        });
    const auto hand_over = [&] {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return chunks_.size() < kQueued || cancelled_; });
      if (!chunk.empty()) chunks_.push_back(std::move(chunk));
      chunk.clear();
      changed_.notify_all();
    };
    pipeline.OnBatch([&](const RunStats&) { hand_over(); });
    pipeline.RunFile(path);
    hand_over();
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    changed_.notify_all();
  }

  PipelineOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> chunks_;
  std::vector<std::string> warnings_;
  std::optional<std::string> error_;
  bool done_ = false;
  std::atomic<bool> cancelled_{false};
  std::thread thread_;
};

const FormatInfo& Format(const std::string& name) {
  const FormatInfo* format = FindFormat(name);
  if (format == nullptr) throw py::value_error("unknown format \"" + name + "\"");
  return *format;
}

}  // namespace
}  // namespace citex

PYBIND11_MODULE(_core, m) {
  using namespace citex;
  m.doc() = "citex's C++ pipeline; use the functions of the citex package.";
  m.def(
      "extract_many",
      [](const py::iterable& items, int threads) {
        return Run(items, true, InputFormat::kAuto, threads, Format("json"), "item");
      },
      py::arg("items"), py::arg("threads") = 0, "-f json text for the items.");
  m.def(
      "format",
      [](const py::iterable& records, const std::string& format) {
        return Run(records, false, InputFormat::kCitex, 1, Format(format), "record");
      },
      py::arg("records"), py::arg("format"), "citex records written in a format.");
  m.def("formats", [] {
    std::vector<std::string> names;
    for (const FormatInfo& format : Formats()) names.emplace_back(format.name);
    return names;
  });
  py::class_<RecordStream>(m, "RecordStream", "A file's records as JSON Lines, a batch at a time.")
      .def(py::init<std::string, const std::string&, int>(), py::arg("path"), py::arg("input"),
           py::arg("threads"))
      .def("next", &RecordStream::Next);
}
