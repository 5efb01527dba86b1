// citex._core: the C++ side of the Python module. Every function runs the
// CLI's own pipeline (readers, passes, stages) and writers with the GIL
// released. Records reach Python as dicts built here from the same walk of
// the record's fields that the JSON writer makes (formats/record_fields.h),
// so a dict is the -f json record and no second list of fields can drift.
#include <fmt/format.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "extractor/pipeline.h"
#include "extractor/base/pages.h"
#include "extractor/base/utf8.h"
#include "extractor/read/items.h"
#include "formats/record_fields.h"
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

// The record walk as Python objects: the dicts, lists, strs, ints, floats,
// bools and None that json.loads makes of the record -f json writes. Keys
// and enum names are interned once for the module's life. Needs the GIL.
class DictSink {
 public:
  void BeginObject() { Open(PyDict_New()); }
  void BeginArray(size_t size) { Open(PyList_New(static_cast<Py_ssize_t>(size))); }
  void EndObject() { Close(); }
  void EndArray() { Close(); }
  void Key(std::string_view name) { key_ = Interned(name); }
  void Text(std::string_view text) { Add(Decode(text)); }
  void Word(std::string_view word) { Add(py::reinterpret_borrow<py::object>(Interned(word))); }
  void Null() { Add(py::none()); }
  void Bool(bool value) { Add(py::bool_(value)); }
  void Count(size_t n) { Add(Checked(PyLong_FromSize_t(n))); }
  // The float json.loads reads from the two decimals the JSON shows.
  void Score(double score) {
    char digits[64];
    const auto shown = fmt::format_to_n(digits, sizeof digits, "{:.2f}", score);
    double value = 0;
    std::from_chars(digits, shown.out, value);
    Add(Checked(PyFloat_FromDouble(value)));
  }

  // The outermost object walked; call after its End.
  py::object Take() { return std::move(done_); }

 private:
  struct Container {
    py::object object;
    PyObject* key;        // its name in the enclosing dict
    Py_ssize_t next = 0;  // a list's next slot
  };

  static py::object Checked(PyObject* made) {
    if (made == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(made);
  }

  // Literals only: the cache is keyed by where the text lives, one slot per
  // hash of the address (a record walks about 60 literals), the full map
  // behind it.
  static PyObject* Interned(std::string_view literal) {
    struct Slot {
      const char* at = nullptr;
      PyObject* interned = nullptr;
    };
    static Slot slots[256];
    const uintptr_t at = reinterpret_cast<uintptr_t>(literal.data());
    Slot& slot = slots[(at * 0x9E3779B97F4A7C15ull) >> 56];
    if (slot.at == literal.data()) return slot.interned;
    static auto* const cache = new std::unordered_map<const char*, PyObject*>();
    PyObject*& interned = (*cache)[literal.data()];
    if (interned == nullptr) {
      interned = PyUnicode_InternFromString(std::string(literal).c_str());
      if (interned == nullptr) throw py::error_already_set();
    }
    slot = {literal.data(), interned};
    return interned;
  }

  // Text is valid UTF-8 almost always; otherwise each bad byte becomes
  // U+FFFD, as the JSON writer writes it.
  static py::object Decode(std::string_view text) {
    PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()),
                                             nullptr);
    if (decoded != nullptr) return py::reinterpret_steal<py::object>(decoded);
    PyErr_Clear();
    std::string valid;
    AppendValidUtf8(valid, text);
    return Checked(PyUnicode_DecodeUTF8(valid.data(), static_cast<Py_ssize_t>(valid.size()),
                                        nullptr));
  }

  void Open(PyObject* made) {
    open_.push_back({Checked(made), key_});
  }
  void Close() {
    Container closed = std::move(open_.back());
    open_.pop_back();
    key_ = closed.key;
    Add(std::move(closed.object));
  }
  void Add(py::object value) {
    if (open_.empty()) {
      done_ = std::move(value);
      return;
    }
    Container& into = open_.back();
    if (PyList_CheckExact(into.object.ptr())) {
      PyList_SET_ITEM(into.object.ptr(), into.next++, value.release().ptr());
    } else if (PyDict_SetItem(into.object.ptr(), key_, value.ptr()) != 0) {
      throw py::error_already_set();
    }
  }

  std::vector<Container> open_;
  PyObject* key_ = nullptr;
  py::object done_;
};

// The cycle collector off while records are made: they hold no cycles, and
// collecting as a large batch grows scans every record made so far again
// and again (a third of the time at 100,000 papers).
class CollectorPaused {
 public:
  CollectorPaused() : was_enabled_(PyGC_Disable() == 1) {}
  ~CollectorPaused() {
    if (was_enabled_) PyGC_Enable();
  }
  CollectorPaused(const CollectorPaused&) = delete;
  CollectorPaused& operator=(const CollectorPaused&) = delete;

 private:
  bool was_enabled_;
};

// Python's object arenas for records, from 2 MiB regions on transparent
// huge pages, each arena prefaulted in one call. Records are new memory,
// about 1.4 KB a paper; on these virtual machines taking it a 4 KB page at a
// time, a fault and a TLB miss each, was half of extract_many's time. The
// wrapper goes around the interpreter's own allocator once, at import. Only
// arenas made while records are built come from regions; a region is
// unmapped whole when its last arena is freed, so no huge page is split.
// pymalloc calls it with the GIL held, which guards the state here.
class RecordArenas {
 public:
  // The wrapper, put in place on first use. Never destroyed: the
  // interpreter may free an arena after static destructors have run.
  static RecordArenas& Installed() {
    static RecordArenas* const arenas = new RecordArenas();
    return *arenas;
  }

  // While one lives, new arenas come from regions.
  class Building {
   public:
    Building() { ++Installed().building_; }
    ~Building() { --Installed().building_; }
    Building(const Building&) = delete;
    Building& operator=(const Building&) = delete;
  };

 private:
  static constexpr size_t kRegionBytes = kHugePageBytes;

  struct Region {
    size_t carved = 0;  // bytes handed out, from the start
    size_t live = 0;    // arenas handed out and not freed
  };

  RecordArenas() {
    PyObject_GetArenaAllocator(&interpreters_);
    PyObjectArenaAllocator wrapper = {this, &Alloc, &Free};
    PyObject_SetArenaAllocator(&wrapper);
  }

  static void* Alloc(void* self, size_t size) {
    return static_cast<RecordArenas*>(self)->Allocate(size);
  }
  static void Free(void* self, void* arena, size_t size) {
    static_cast<RecordArenas*>(self)->Release(static_cast<char*>(arena), size);
  }

  void* Allocate(size_t size) {
    if (building_ > 0 && size > 0 && kRegionBytes % size == 0) {
      char* arena = nullptr;
      if (!spare_.empty()) {
        arena = spare_.back();
        spare_.pop_back();
      } else {
        arena = Carve(size);
      }
      if (arena != nullptr) {
        ++RegionOf(arena)->second.live;
        return arena;
      }
    }
    return interpreters_.alloc(interpreters_.ctx, size);
  }

  void Release(char* arena, size_t size) {
    const auto region = RegionOf(arena);
    if (region == regions_.end()) {
      interpreters_.free(interpreters_.ctx, arena, size);
      return;
    }
    // Unmapping half a huge page would split it, slowly: a freed arena
    // waits, prefaulted, for the next records, and the region goes back
    // whole with its last arena.
    if (--region->second.live > 0 || region->second.carved < kRegionBytes) {
      spare_.push_back(arena);
      return;
    }
    char* const start = region->first;
    spare_.erase(std::remove_if(spare_.begin(), spare_.end(),
                                [&](char* a) { return a >= start && a < start + kRegionBytes; }),
                 spare_.end());
    if (carving_ == start) carving_ = nullptr;
    regions_.erase(region);
    UnmapPages(start, kRegionBytes);
  }

  // The next arena of the region being carved, or of a new region.
  char* Carve(size_t size) {
    if (carving_ == nullptr || regions_[carving_].carved == kRegionBytes) {
      carving_ = static_cast<char*>(MapPages(kRegionBytes));
      if (carving_ == nullptr) return nullptr;
      regions_.emplace(carving_, Region());
    }
    Region& region = regions_[carving_];
    char* const arena = carving_ + region.carved;
    region.carved += size;
    // Linux 5.14 and later; elsewhere the pages come one fault at a time.
    madvise(arena, size, MADV_POPULATE_WRITE);
    return arena;
  }

  std::map<char*, Region>::iterator RegionOf(char* arena) {
    const auto after = regions_.upper_bound(arena);
    if (after == regions_.begin()) return regions_.end();
    const auto region = std::prev(after);
    return arena < region->first + kRegionBytes ? region : regions_.end();
  }

  PyObjectArenaAllocator interpreters_;
  int building_ = 0;
  std::map<char*, Region> regions_;  // by start
  char* carving_ = nullptr;
  std::vector<char*> spare_;  // freed arenas of regions still in use
};

// Appends a dict for each paper to `records`. Needs the GIL.
void AppendRecords(const std::vector<const Paper*>& papers, py::list& records) {
  const CollectorPaused paused;
  const RecordArenas::Building building;
  DictSink sink;
  for (const Paper* paper : papers) {
    record_fields::VisitPaper(sink, *paper);
    records.append(sink.Take());
  }
}

// Python items as the item reader's: a str is an abstract (when
// `strings` allows it), a dict one JSON record (json.dumps, which refuses
// what JSON cannot hold). Anything else names its position. The items are
// views into the strs in `texts`, which must outlive the run; it is freed
// with the GIL held.
std::vector<Item> ToItems(const py::iterable& objects, bool strings, const char* noun,
                          std::vector<py::object>& texts) {
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
    items.push_back({std::string_view(data, static_cast<size_t>(size)), json});
    texts.push_back(std::move(text));
  }
  return items;
}

PipelineOptions StrictOptions(InputFormat input, size_t threads) {
  PipelineOptions options;
  options.reader.format = input;
  options.reader.strict = options.strict = true;
  options.threads = threads;
  return options;
}

// Runs the pipeline over `items`, handing each paper to `deliver` and
// calling `batch_done` after each batch. The first bad item stops the run
// and is kept in `error`. Called without the GIL.
void RunItems(std::vector<Item> items, InputFormat input, size_t threads, const char* noun,
              std::function<bool(Paper&)> deliver, std::function<void()> batch_done,
              std::optional<std::string>& error) {
  const PipelineOptions options = StrictOptions(input, threads);
  Pipeline pipeline(options, CorePasses(), CoreStages(StageOptions()), std::move(deliver),
                    [&](const InputError& e) {
                      if (!e.warning && !error) error = Describe(e, noun);
                    });
  if (batch_done) pipeline.OnBatch([&](const RunStats&) { batch_done(); });
  pipeline.Run([&](const ErrorSink& errors) {
    return MakeItemReader(std::move(items), "", options.reader, errors);
  });
}

// The records of the items, as dicts. Papers are turned into dicts a batch
// at a time with the GIL taken back, while the other threads go on
// extracting.
py::list ExtractMany(const py::iterable& objects, int threads) {
  const size_t thread_count = ThreadCount(threads);
  std::vector<py::object> texts;
  std::vector<Item> items = ToItems(objects, true, "item", texts);
  py::list records;
  // The batch's papers, turned into dicts before the pipeline reuses them:
  // moving them out would cost each reused paper its buffers.
  std::vector<const Paper*> batch;
  std::optional<std::string> error;
  std::optional<py::error_already_set> python_error;  // MemoryError, say
  {
    py::gil_scoped_release release;
    RunItems(
        std::move(items), InputFormat::kAuto, thread_count, "item",
        [&](Paper& paper) {
          batch.push_back(&paper);
          return !python_error;
        },
        [&] {
          py::gil_scoped_acquire acquire;
          try {
            AppendRecords(batch, records);
          } catch (py::error_already_set& e) {
            if (!python_error) python_error = std::move(e);
          }
          batch.clear();
        },
        error);
  }
  if (python_error) throw *python_error;
  if (error) throw py::value_error(*error);
  return records;  // every batch ends with batch_done, so `batch` is empty
}

// The records written in `format`: the CLI's -i citex -f FORMAT.
py::str FormatRecords(const py::iterable& objects, const FormatInfo& format) {
  std::vector<py::object> texts;
  std::vector<Item> items = ToItems(objects, false, "record", texts);
  std::optional<std::string> error;
  std::string out;
  {
    py::gil_scoped_release release;
    std::unique_ptr<Writer> writer = format.make(WriterOptions());
    writer->Begin(out);
    RunItems(
        std::move(items), InputFormat::kCitex, 1, "record",
        [&](Paper& paper) {
          writer->Write(paper, out);
          return true;
        },
        nullptr, error);
    writer->End(out);
  }
  if (error) throw py::value_error(*error);
  return py::str(out);
}

// The records of a file, streamed: a thread runs the pipeline and hands
// over its papers a batch at a time, at most kQueued batches ahead of
// Python, which turns each into dicts.
class RecordStream {
 public:
  RecordStream(std::string path, const std::string& input, int threads) {
    const std::optional<InputFormat> format = ParseInputFormat(input);
    if (!format) throw py::value_error("unknown input format \"" + input + "\"");
    options_ = StrictOptions(*format, ThreadCount(threads));
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

  // (records, warnings); (None, warnings) at the end. Raises ValueError at
  // the first bad record, after the records before it.
  py::tuple Next() {
    std::optional<std::vector<Paper>> batch;
    std::vector<std::string> warnings;
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return !batches_.empty() || done_; });
      warnings.swap(warnings_);
      if (!batches_.empty()) {
        batch = std::move(batches_.front());
        batches_.pop_front();
      }
    }
    changed_.notify_all();
    if (!batch && error_) throw py::value_error(*error_);
    py::object records = py::none();
    if (batch) {
      std::vector<const Paper*> papers;
      for (const Paper& paper : *batch) papers.push_back(&paper);
      py::list list;
      AppendRecords(papers, list);
      records = std::move(list);
    }
    return py::make_tuple(records, py::cast(warnings));
  }

 private:
  static constexpr size_t kQueued = 4;

  void Produce(const std::string& path) {
    std::vector<Paper> batch;
    Pipeline pipeline(
        options_, CorePasses(), CoreStages(StageOptions()),
        [&](Paper& paper) {
          batch.push_back(std::move(paper));
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
      changed_.wait(lock, [&] { return batches_.size() < kQueued || cancelled_; });
      if (!batch.empty()) batches_.push_back(std::move(batch));
      batch.clear();
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
  std::deque<std::vector<Paper>> batches_;
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
  RecordArenas::Installed();
  m.def("extract_many", &ExtractMany, py::arg("items"), py::arg("threads") = 0,
        "The items' records, as dicts.");
  m.def(
      "format",
      [](const py::iterable& records, const std::string& format) {
        return FormatRecords(records, Format(format));
      },
      py::arg("records"), py::arg("format"), "citex records written in a format.");
  m.def("formats", [] {
    std::vector<std::string> names;
    for (const FormatInfo& format : Formats()) names.emplace_back(format.name);
    return names;
  });
  py::class_<RecordStream>(m, "RecordStream", "A file's records, a batch at a time.")
      .def(py::init<std::string, const std::string&, int>(), py::arg("path"), py::arg("input"),
           py::arg("threads"))
      .def("next", &RecordStream::Next);
}
